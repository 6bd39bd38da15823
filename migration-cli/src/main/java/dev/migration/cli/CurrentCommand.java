package dev.migration.cli;

import java.util.concurrent.Callable;

import dev.migration.MigrationStatus;
import dev.migration.MigrationStatus.RevisionStatus;
import dev.migration.RevisionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "current", description = "Show the revisions stored in the version table (--version-table, default migration_version).",
		footer = { "", "Example:", "  migration --url jdbc:sqlite:app.db current --verbose" })
final class CurrentCommand implements Callable<Integer> {

	@ParentCommand
	private MigrationCli cli;

	@Option(names = { "-v", "--verbose" }, description = "Show the database and each revision in full.")
	private boolean verbose;

	@Override
	public Integer call() {
		MigrationStatus status = this.cli.database().status("heads", 0);
		Console console = this.cli.console();
		if (this.verbose) {
			console.print("Current revision(s) for " + this.cli.redactor().redact(String.valueOf(this.cli.url()))
					+ ((this.cli.user() != null) ? " as " + this.cli.user() : "") + ":");
		}
		for (String row : status.current()) {
			RevisionStatus known = status.revision(row);
			RevisionInfo revision = (known != null) ? known.info() : null;
			if (revision == null) {
				console.print(row);
				console.warn("Revision " + row + " is in the database but not in " + this.cli.location() + ".");
			}
			else if (this.verbose) {
				console.print(Console.entry(revision, true));
			}
			else {
				console.print(row + (revision.head() ? " (head)" : ""));
			}
		}
		console.warnUnfinished(status.unfinished());
		return 0;
	}

}
