package dev.migration.cli;

import java.util.concurrent.Callable;

import dev.migration.Migrations;
import dev.migration.SchemaDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "check",
		description = "Compare the database at head with the target schema: exit 0 when they match, 1 listing each "
				+ "difference.",
		footer = { "", "Examples:", "  migration --url jdbc:sqlite:app.db check --target-schema db/schema.sql",
				"  migration check --dev-url jdbc:postgresql://localhost/app_dev" })
final class CheckCommand implements Callable<Integer> {

	@ParentCommand
	private MigrationCli cli;

	@Mixin
	private TargetSchemaOptions schema = new TargetSchemaOptions();

	@Override
	public Integer call() {
		Migrations migrations = this.schema.database(this.cli);
		SchemaDiff diff = migrations.check(this.schema.targetSchema(this.cli), this.schema.filter());
		if (diff.isEmpty()) {
			this.cli.console().print("No new upgrade operations detected.");
			return 0;
		}
		for (String difference : diff.differences()) {
			this.cli.console().print(difference);
		}
		for (String warning : diff.warnings()) {
			this.cli.console().warn("WARNING: " + warning);
		}
		this.cli.console().warn("FAILED: New upgrade operations detected (" + diff.differences().size()
				+ "). Write them as a revision with 'revision --autogenerate -m MSG'.");
		return 1;
	}

}
