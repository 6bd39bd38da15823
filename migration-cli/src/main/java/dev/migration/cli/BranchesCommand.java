package dev.migration.cli;

import dev.migration.Migrations;
import dev.migration.RevisionInfo;
import picocli.CommandLine.Command;

@Command(name = "branches", description = "List the branch points and the revisions each branches into.",
		footer = { "  migration branches" })
final class BranchesCommand extends ListingCommand {

	@Override
	public Integer call() {
		Migrations migrations = this.cli.revisions();
		for (RevisionInfo revision : migrations.revisions()) {
			if (revision.branchPoint()) {
				StringBuilder text = new StringBuilder(
						this.verbose ? revision.entry(false) : revision.line(false, false, true, false) + "\n");
				for (String child : revision.children()) {
					text.append(" ".repeat(revision.id().length()))
						.append(" -> ")
						.append(migrations.revision(child).line(false, false, true, this.verbose))
						.append('\n');
				}
				console().print(text.toString());
			}
		}
		return 0;
	}

}
