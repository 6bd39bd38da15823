package dev.migration.cli;

import picocli.CommandLine.Option;

/**
 * The verbs that list revisions ({@code current}, {@code history}, {@code heads},
 * {@code branches}): one line each, or each in full.
 */
abstract class ListingCommand extends CliCommand {

	@Option(names = { "-v", "--verbose" }, description = "Show each revision in full (current: the database too).")
	boolean verbose;

}
