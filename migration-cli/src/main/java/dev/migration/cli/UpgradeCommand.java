package dev.migration.cli;

import picocli.CommandLine.Command;

@Command(name = "upgrade", description = "Apply revisions up to TARGET.",
		footer = { "  migration --url jdbc:sqlite:app.db upgrade heads",
				"  migration upgrade --sql base:heads --dialect postgresql > upgrade.sql" })
final class UpgradeCommand extends MoveCommand {

}
