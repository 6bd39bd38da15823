package dev.migration.cli;

import dev.migration.MigrationStatus;
import dev.migration.MigrationStatus.RevisionStatus;
import picocli.CommandLine.Command;

@Command(name = "current",
		description = "Show the revisions stored in the version table (--version-table, default migration_version).",
		footer = { "  migration --url jdbc:sqlite:app.db current --verbose" })
final class CurrentCommand extends ListingCommand {

	@Override
	public Integer call() {
		MigrationStatus status = this.cli.database().status("heads", 0);
		if (this.verbose) {
			// the console masks the URL's password, as in every line
			console().print("Current revision(s) for " + this.cli.url()
					+ ((this.cli.user() != null) ? " as " + this.cli.user() : "") + ":");
		}
		for (String row : status.current()) {
			RevisionStatus known = status.revision(row);
			if (known == null || known.info() == null) {
				console().print(row);
				console().warn("Revision " + row + " is in the database but not in " + this.cli.location() + ".");
			}
			else {
				console().print(this.verbose ? known.info().entry(true) : row + (known.info().head() ? " (head)" : ""));
			}
		}
		console().warnUnfinished(status.unfinished());
		return 0;
	}

}
