package dev.migration.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.migration.MigrationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "init", description = "Create the revisions directory (refused when it exists and is not empty).",
		footer = { "", "Example:", "  migration init db/revisions" })
final class InitCommand implements Callable<Integer> {

	@ParentCommand
	private MigrationCli cli;

	@Parameters(arity = "0..1", paramLabel = "DIR", description = "The directory (default: --location).")
	private String directory;

	@Override
	public Integer call() throws IOException {
		Path path = Path.of((this.directory != null) ? this.directory : this.cli.location());
		if (Files.exists(path) && !isEmptyDirectory(path)) {
			throw new MigrationException("Directory '" + path + "' already exists and is not empty. Nothing was created.");
		}
		this.cli.console().print("Creating directory " + path + " ... done");
		Files.createDirectories(path);
		return 0;
	}

	private static boolean isEmptyDirectory(Path path) {
		if (!Files.isDirectory(path)) {
			return false;
		}
		try (Stream<Path> entries = Files.list(path)) {
			return entries.findAny().isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
