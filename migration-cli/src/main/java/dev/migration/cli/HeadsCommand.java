package dev.migration.cli;

import dev.migration.RevisionInfo;
import picocli.CommandLine.Command;

@Command(name = "heads", description = "List the heads: revisions nothing follows yet.",
		footer = { "  migration heads" })
final class HeadsCommand extends ListingCommand {

	@Override
	public Integer call() {
		for (RevisionInfo revision : this.cli.revisions().revisions()) {
			if (revision.head()) {
				console().print(this.verbose ? revision.entry(false) : revision.line(false, false, false, false));
			}
		}
		return 0;
	}

}
