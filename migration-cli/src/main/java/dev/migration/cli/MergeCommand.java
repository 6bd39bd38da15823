package dev.migration.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migration.MigrationException;
import dev.migration.Migrations;
import dev.migration.NewRevision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "merge", description = "Write a revision that joins several heads into one.",
		footer = { "  migration merge -m \"Join branches\" heads",
				"  migration merge -m \"Join branches\" 3f1c2a9b7d10 7d2e41c0b9aa" })
final class MergeCommand extends CliCommand {

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
		Set<String> down = new LinkedHashSet<>(RevisionCommand.resolveAll(migrations, this.targets));
		if (down.size() < 2) {
			throw new MigrationException("A merge joins at least two revisions, but " + String.join(" ", this.targets)
					+ " names " + (down.isEmpty() ? "none" : String.join(", ", down)) + ". Nothing was written.");
		}
		RevisionCommand.write(this.cli, migrations,
				NewRevision.of(this.message, List.copyOf(down))
					.withId(this.revisionId)
					.withBranchLabels(this.branchLabels));
		return 0;
	}

}
