package dev.migration.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.migration.InvalidRevisionArgumentException;
import dev.migration.MigrationException;
import dev.migration.Migrations;
import dev.migration.NewRevision;
import dev.migration.SchemaDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "revision", description = "Write a new SQL revision after the current head.",
		footer = { "", "Example:", "  migration revision -m \"Add email verification\"" })
final class RevisionCommand implements Callable<Integer> {

	@ParentCommand
	private MigrationCli cli;

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
		if (this.autogenerate) {
			return autogenerate();
		}
		if (this.schema.isGiven()) {
			throw new UsageException("--target-schema, --include-table, --exclude-table and --dev-url go with "
					+ "--autogenerate.");
		}
		Migrations migrations = this.cli.revisions();
		List<String> down = (this.head != null) ? single(migrations.resolve(this.head, List.of())) : singleHead(migrations);
		RevisionCommand.write(this.cli, migrations, this.revisionId, down, this.message, this.branchLabels,
				this.dependsOn);
		return 0;
	}

	private Integer autogenerate() {
		Migrations migrations = this.schema.database(this.cli);
		List<String> down = (this.head != null) ? single(migrations.resolve(this.head, List.of())) : singleHead(migrations);
		SchemaDiff diff = migrations.autogenerate(this.schema.targetSchema(this.cli), this.schema.filter());
		if (diff.isEmpty()) {
			this.cli.console().print("No changes in schema detected.");
			return 0;
		}
		for (String difference : diff.differences()) {
			this.cli.console().warn("Detected " + difference);
		}
		for (String warning : diff.warnings()) {
			this.cli.console().warn("WARNING: " + warning);
		}
		write(this.cli, migrations, this.revisionId, down, this.message, this.branchLabels, this.dependsOn,
				diff.upgradeSql(), diff.downgradeSql());
		// the database is at heads, so the revision just written is the one pending: the lint reads only it
		LintCommand.warn(this.cli.console(), this.schema.database(this.cli).lint());
		return 0;
	}

	private List<String> single(List<String> revisions) {
		if (revisions.size() > 1) {
			throw new MigrationException("--head '" + this.head + "' names " + revisions.size() + " revisions ("
					+ String.join(", ", revisions) + "); name one, or use 'merge'. Nothing was written.");
		}
		return revisions;
	}

	private static List<String> singleHead(Migrations migrations) {
		List<String> heads = migrations.heads();
		if (heads.size() > 1) {
			throw new MigrationException("Multiple heads are present: " + String.join(", ", heads)
					+ ". Give --head REV for the revision the new one follows, or join them with 'merge -m MSG heads'."
					+ " Nothing was written.");
		}
		return heads;
	}

	/** Shared with {@code merge}: the core checks and writes the file; this prints its path. */
	static void write(MigrationCli cli, Migrations migrations, String requestedId, List<String> down, String message,
			List<String> branchLabels, List<String> dependsOn) {
		write(cli, migrations, requestedId, down, message, branchLabels, dependsOn, "", "");
	}

	/** As above, with the upgrade and downgrade sections filled ({@code --autogenerate}). */
	static void write(MigrationCli cli, Migrations migrations, String requestedId, List<String> down, String message,
			List<String> branchLabels, List<String> dependsOn, String upgrade, String downgrade) {
		List<String> dependencies = new ArrayList<>();
		for (String dependency : dependsOn) {
			dependencies.addAll(migrations.resolve(dependency, List.of()));
		}
		NewRevision revision = NewRevision.of(message, down).withId(requestedId).withBranchLabels(branchLabels)
			.withDependsOn(dependencies).withSql(upgrade, downgrade);
		Path file;
		try {
			file = migrations.writeRevision(Path.of(cli.location().replaceFirst("^filesystem:", "")), revision);
		}
		catch (InvalidRevisionArgumentException ex) {
			throw new UsageException(option(ex.argument()) + ": " + ex.getMessage());
		}
		cli.console().print("Generating " + file + " ... done");
	}

	/** The option that gave the value the core refused, so that the error names what the user typed. */
	private static String option(String argument) {
		return switch (argument) {
			case "revision" -> "--rev-id";
			case "message" -> "-m/--message";
			case "branch_labels" -> "--branch-label";
			case "depends_on" -> "--depends-on";
			case "down_revision" -> "--head/REV";
			default -> "--autogenerate (" + argument + " SQL)";
		};
	}

}
