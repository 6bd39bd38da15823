package dev.migration.cli;

import java.util.List;

import dev.migration.Direction;
import dev.migration.Migrations;
import dev.migration.UnfinishedRevision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "stamp", description = "Set the version table to the targets without running any revision.",
		footer = { "  migration --url jdbc:sqlite:app.db stamp heads",
				"  migration --url jdbc:sqlite:app.db stamp --purge 1a2b3c4d5e6f" })
final class StampCommand extends CliCommand {

	@Parameters(arity = "1..*", paramLabel = "TARGET", description = "heads, base, ids, <label>@head, ...")
	private List<String> targets;

	@Option(names = "--purge", description = "Empty the version table first, whatever it holds.")
	private boolean purge;

	@Option(names = "--sql", description = "Print the SQL script instead of running it.")
	private boolean sql;

	@Override
	public Integer call() {
		Migrations migrations = this.cli.database();
		if (this.sql) {
			// the rows as they are, --purge too: the plan deletes them, as stamp does
			console().script(migrations.runnableScript(
					migrations.plan(Direction.STAMP, this.targets, migrations.current(), this.purge),
					this.cli.operator()));
			return 0;
		}
		List<UnfinishedRevision> unfinished = migrations.unfinished();
		migrations.stamp(this.targets, this.purge);
		unfinished.forEach((revision) -> console().warn(revision.describeCleared()));
		return 0;
	}

}
