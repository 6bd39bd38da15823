package dev.migration.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.migration.MigrationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check", description = "Compare the database at head with the target schema (not available yet).",
		footer = { "", "Example:", "  migration --url jdbc:sqlite:app.db check --target-schema db/schema.sql" })
final class CheckCommand implements Callable<Integer> {

	@Option(names = "--target-schema", paramLabel = "FILE", description = "The desired schema.")
	private Path targetSchema;

	@Override
	public Integer call() {
		throw new MigrationException("'check' is not available yet: it comes with autogenerate. Nothing was checked.");
	}

}
