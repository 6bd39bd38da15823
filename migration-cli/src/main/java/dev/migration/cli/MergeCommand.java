package dev.migration.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.migration.MigrationException;
import dev.migration.Migrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "merge", description = "Write a revision that joins several heads into one.",
		footer = { "", "Examples:", "  migration merge -m \"Join branches\" heads",
				"  migration merge -m \"Join branches\" 3f1c2a9b7d10 7d2e41c0b9aa" })
final class MergeCommand implements Callable<Integer> {

	@ParentCommand
	private MigrationCli cli;

	@Option(names = { "-m", "--message" }, required = true, description = "What the merge does.")
	private String message;

	@Option(names = "--branch-label", paramLabel = "LABEL", description = "A branch label for the merge revision.")
	private List<String> branchLabels = new ArrayList<>();

	@Option(names = "--rev-id", paramLabel = "ID", description = "The id to use instead of a random one.")
	private String revisionId;

	@Parameters(arity = "1..*", paramLabel = "REV", description = "The revisions to join, or 'heads'.")
	private List<String> targets;

	@Override
	public Integer call() {
		Migrations migrations = this.cli.revisions();
		Set<String> down = new LinkedHashSet<>();
		for (String target : this.targets) {
			down.addAll(migrations.resolve(target, List.of()));
		}
		if (down.size() < 2) {
			throw new MigrationException("A merge joins at least two revisions, but " + String.join(" ", this.targets)
					+ " names " + (down.isEmpty() ? "none" : String.join(", ", down)) + ". Nothing was written.");
		}
		RevisionCommand.write(this.cli, migrations, this.revisionId, List.copyOf(down), this.message,
				this.branchLabels, List.of());
		return 0;
	}

}
