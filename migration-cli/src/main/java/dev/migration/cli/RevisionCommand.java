package dev.migration.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migration.InvalidRevisionArgumentException;
import dev.migration.MigrationException;
import dev.migration.Migrations;
import dev.migration.NewRevision;
import dev.migration.SchemaDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "revision", description = "Write a new SQL revision after the current head.",
		footer = { "  migration revision -m \"Add email verification\"" })
final class RevisionCommand extends CliCommand {

	@Option(names = { "-m", "--message" }, required = true, description = "What the revision does.")
	private String message;

	@Option(names = "--head", paramLabel = "REV",
			description = "The revision the new one follows (default: the single head; 'base' starts a new root).")
	private String head;

	@Option(names = "--branch-label", paramLabel = "LABEL", description = "A branch label for the new revision.")
	private List<String> branchLabels = new ArrayList<>();

	@Option(names = "--depends-on", paramLabel = "REV", description = "A revision the new one depends on.")
	private List<String> dependsOn = new ArrayList<>();

	@Option(names = "--rev-id", paramLabel = "ID", description = "The id to use instead of a random one.")
	private String revisionId;

	@Option(names = "--autogenerate",
			description = "Fill the revision with the difference between the database at heads and the target schema.")
	private boolean autogenerate;

	@Mixin
	private TargetSchemaOptions schema = new TargetSchemaOptions();

	@Override
	public Integer call() {
		if (!this.autogenerate && this.schema.isGiven()) {
			throw new UsageException(
					"--target-schema, --include-table, --exclude-table and --dev-url go with " + "--autogenerate.");
		}
		Migrations migrations = this.autogenerate ? this.schema.database(this.cli) : this.cli.revisions();
		List<String> down = (this.head != null) ? migrations.resolve(this.head, List.of()) : migrations.heads();
		if (down.size() > 1) {
			throw new MigrationException(((this.head != null)
					? "--head '" + this.head + "' names " + down.size() + " revisions (" + String.join(", ", down)
							+ "); name one, or use 'merge'."
					: "Multiple heads are present: " + String.join(", ", down) + ". Give --head REV for the revision "
							+ "the new one follows, or join them with 'merge -m MSG heads'.")
					+ " Nothing was written.");
		}
		NewRevision revision = NewRevision.of(this.message, down)
			.withId(this.revisionId)
			.withBranchLabels(this.branchLabels);
		if (this.autogenerate) {
			SchemaDiff diff = migrations.autogenerate(this.schema.targetSchema(this.cli), this.schema.filter());
			if (diff.isEmpty()) {
				console().print("No changes in schema detected.");
				return 0;
			}
			diff.differences().forEach((difference) -> console().warn("Detected " + difference));
			diff.warnings().forEach((warning) -> console().warn("WARNING: " + warning));
			revision = revision.withSql(diff.upgradeSql(), diff.downgradeSql());
		}
		write(this.cli, migrations, revision.withDependsOn(resolveAll(migrations, this.dependsOn)));
		if (this.autogenerate) {
			// at heads, the revision just written is the one pending: the lint reads it
			LintCommand.warn(console(), this.schema.database(this.cli).lint());
		}
		return 0;
	}

	/** The revisions that the targets name, in order. */
	static List<String> resolveAll(Migrations migrations, List<String> targets) {
		List<String> revisions = new ArrayList<>();
		targets.forEach((target) -> revisions.addAll(migrations.resolve(target, List.of())));
		return revisions;
	}

	/** Shared with merge: the core checks and writes the file; this prints its path. */
	static void write(MigrationCli cli, Migrations migrations, NewRevision revision) {
		try {
			Path directory = Path.of(cli.location().replaceFirst("^filesystem:", ""));
			cli.console().print("Generating " + migrations.writeRevision(directory, revision) + " ... done");
		}
		catch (InvalidRevisionArgumentException ex) {
			// name the option that gave the value the core refused, as the user typed it
			String option = switch (ex.argument()) {
				case "revision" -> "--rev-id";
				case "message" -> "-m/--message";
				case "branch_labels" -> "--branch-label";
				case "depends_on" -> "--depends-on";
				case "down_revision" -> "--head/REV";
				default -> "--autogenerate (" + ex.argument() + " SQL)";
			};
			throw new UsageException(option + ": " + ex.getMessage());
		}
	}

}
