package dev.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.migration.MigrationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "init", description = "Create the revisions directory (refused when it exists and is not empty).",
		footer = { "  migration init db/revisions" })
final class InitCommand extends CliCommand {

	@Parameters(arity = "0..1", paramLabel = "DIR", description = "The directory (default: --location).")
	private String directory;

	@Override
	public Integer call() throws IOException {
		Path path = Path.of((this.directory != null) ? this.directory : this.cli.location());
		if (Files.exists(path)) {
			try (Stream<Path> entries = Files.isDirectory(path) ? Files.list(path) : Stream.of(path)) {
				if (entries.findAny().isPresent()) {
					throw new MigrationException(
							"Directory '" + path + "' already exists and is not empty. Nothing was created.");
				}
			}
		}
		console().print("Creating directory " + path + " ... done");
		Files.createDirectories(path);
		return 0;
	}

}
