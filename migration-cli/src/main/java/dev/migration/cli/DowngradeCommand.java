package dev.migration.cli;

import picocli.CommandLine.Command;

@Command(name = "downgrade", description = "Revert revisions down to TARGET.",
		footer = { "  migration --url jdbc:sqlite:app.db downgrade -1",
				"  migration downgrade --sql heads:base --dialect sqlite > downgrade.sql" })
final class DowngradeCommand extends MoveCommand {

}
