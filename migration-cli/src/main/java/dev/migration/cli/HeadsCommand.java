package dev.migration.cli;

import java.util.List;
import java.util.concurrent.Callable;

import dev.migration.Migrations;
import dev.migration.RevisionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "heads", description = "List the heads: revisions nothing follows yet.",
		footer = { "", "Example:", "  migration heads" })
final class HeadsCommand implements Callable<Integer> {

	@ParentCommand
	private MigrationCli cli;

	@Option(names = { "-v", "--verbose" }, description = "Show each head in full.")
	private boolean verbose;

	@Override
	public Integer call() {
		Migrations migrations = this.cli.revisions();
		List<RevisionInfo> all = migrations.revisions();
		for (RevisionInfo revision : all) {
			if (revision.head()) {
				this.cli.console().print(this.verbose ? Console.entry(revision, false)
						: Console.line(revision, false, false, false, false));
			}
		}
		return 0;
	}

}
