package dev.migration.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.ParentCommand;

/**
 * What every verb shares: the global options of {@link MigrationCli} and its console.
 */
abstract class CliCommand implements Callable<Integer> {

	@ParentCommand
	MigrationCli cli;

	Console console() {
		return this.cli.console();
	}

}
