package dev.migration.cli;

import java.util.List;

import dev.migration.MigrationStatus;
import dev.migration.Migrations;
import dev.migration.RevisionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "history", description = "List the revisions, newest first.", footer = { "  migration history",
		"  migration --url jdbc:sqlite:app.db history -r current: --indicate-current" })
final class HistoryCommand extends ListingCommand {

	@Option(names = { "-r", "--rev-range" }, paramLabel = "START:END",
			description = "Only revisions between START and END, e.g. base:heads, current:, 1a2b:3f1c.")
	private String range;

	@Option(names = { "-i", "--indicate-current" }, description = "Mark the revisions in the database (current).")
	private boolean indicateCurrent;

	@Override
	public Integer call() {
		List<String> bounds = (this.range != null) ? MigrationCli.splitRange(this.range, "base:heads")
				: List.of("", "");
		// only a range relative to current, or the marks, need a connection
		boolean needsDatabase = this.indicateCurrent || bounds.stream().anyMatch(Migrations::readsCurrent);
		Migrations migrations = needsDatabase ? this.cli.database() : this.cli.revisions();
		MigrationStatus status = needsDatabase ? migrations.status("heads", 0) : null;
		List<String> current = (status != null) ? status.current() : List.of();
		String lower = bounds.get(0).isEmpty() ? null : bounds.get(0);
		String upper = bounds.get(1).isEmpty() ? null : bounds.get(1);
		for (RevisionInfo revision : migrations.revisions(lower, upper, current)) {
			boolean mark = this.indicateCurrent && current.contains(revision.id());
			console().print(this.verbose ? revision.entry(mark) : revision.line(mark, true, true, true));
		}
		if (status != null) {
			console().warnUnfinished(status.unfinished());
		}
		return 0;
	}

}
