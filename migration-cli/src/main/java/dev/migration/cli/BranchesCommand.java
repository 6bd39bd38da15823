package dev.migration.cli;

import java.util.List;
import java.util.concurrent.Callable;

import dev.migration.Migrations;
import dev.migration.RevisionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "branches", description = "List the branch points and the revisions each branches into.",
		footer = { "", "Example:", "  migration branches" })
final class BranchesCommand implements Callable<Integer> {

	@ParentCommand
	private MigrationCli cli;

	@Option(names = { "-v", "--verbose" }, description = "Show each branch point in full.")
	private boolean verbose;

	@Override
	public Integer call() {
		Migrations migrations = this.cli.revisions();
		List<RevisionInfo> all = migrations.revisions();
		for (RevisionInfo revision : all) {
			if (!revision.branchPoint()) {
				continue;
			}
			StringBuilder text = new StringBuilder(this.verbose ? Console.entry(revision, false)
					: Console.line(revision, false, false, true, false) + "\n");
			String indent = " ".repeat(revision.id().length());
			for (String child : revision.children()) {
				RevisionInfo next = migrations.revision(child);
				text.append(indent).append(" -> ").append(Console.line(next, false, false, true, this.verbose)).append('\n');
			}
			this.cli.console().print(text.toString());
		}
		return 0;
	}

}
