package dev.migration.cli;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

import dev.migration.Direction;
import dev.migration.Migrations;
import dev.migration.UnfinishedRevision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "stamp", description = "Set the version table to the targets without running any revision.",
		footer = { "", "Examples:", "  migration --url jdbc:sqlite:app.db stamp heads",
				"  migration --url jdbc:sqlite:app.db stamp --purge 1a2b3c4d5e6f" })
final class StampCommand implements Callable<Integer> {

	@ParentCommand
	private MigrationCli cli;

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
			// the rows as they are, also with --purge: the plan deletes them, as the online stamp does
			List<String> rows = migrations.current();
			this.cli.console().script(migrations.runnableScript(migrations.plan(Direction.STAMP, this.targets, rows, this.purge),
					this.cli.operator()));
		}
		else {
			List<UnfinishedRevision> unfinished = migrations.unfinished();
			migrations.stamp(this.targets, this.purge);
			for (UnfinishedRevision revision : unfinished) {
				this.cli.console().warn("The stamp cleared the mark of revision " + revision.revision() + " ("
						+ revision.direction().word() + ", started "
						+ revision.startedAt().truncatedTo(ChronoUnit.SECONDS) + ", not finished): the database is "
						+ "taken to be repaired by hand.");
			}
		}
		return 0;
	}

}
