package dev.migration.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.migration.Migrations;
import dev.migration.SchemaDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "check",
		description = "Compare the database at head with the target schema: exit 0 when they match, 1 listing each "
				+ "difference.",
		footer = { "", "Example:", "  migration --url jdbc:sqlite:app.db check --target-schema db/schema.sql" })
final class CheckCommand implements Callable<Integer> {

	@ParentCommand
	private MigrationCli cli;

	@Option(names = "--target-schema", paramLabel = "FILE",
			description = "The desired schema as SQL (default: schema.sql beside the revisions directory).")
	private Path targetSchema;

	@Option(names = "--include-table", paramLabel = "PATTERN",
			description = "Compare only tables matching this glob (repeatable).")
	private List<String> includeTables = new ArrayList<>();

	@Option(names = "--exclude-table", paramLabel = "PATTERN",
			description = "Never compare tables matching this glob (repeatable; spatial_ref_sys always is).")
	private List<String> excludeTables = new ArrayList<>();

	@Override
	public Integer call() {
		Migrations migrations = this.cli.database();
		SchemaDiff diff = migrations.check(RevisionCommand.targetSchema(this.cli, this.targetSchema),
				RevisionCommand.filter(this.includeTables, this.excludeTables));
		if (diff.isEmpty()) {
			this.cli.console().print("No new upgrade operations detected.");
			return 0;
		}
		for (String difference : diff.differences()) {
			this.cli.console().print(difference);
		}
		this.cli.console().warn("FAILED: New upgrade operations detected (" + diff.differences().size()
				+ "). Write them as a revision with 'revision --autogenerate -m MSG'.");
		return 1;
	}

}
