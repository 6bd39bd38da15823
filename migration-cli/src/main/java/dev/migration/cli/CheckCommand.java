package dev.migration.cli;

import dev.migration.SchemaDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check",
		description = "Compare the database at head with the target schema: exit 0 when they match, 1 listing each "
				+ "difference.",
		footer = { "  migration --url jdbc:sqlite:app.db check --target-schema db/schema.sql",
				"  migration check --dev-url jdbc:postgresql://localhost/app_dev" })
final class CheckCommand extends CliCommand {

	@Mixin
	private TargetSchemaOptions schema = new TargetSchemaOptions();

	@Override
	public Integer call() {
		SchemaDiff diff = this.schema.database(this.cli)
			.check(this.schema.targetSchema(this.cli), this.schema.filter());
		if (diff.isEmpty()) {
			console().print("No new upgrade operations detected.");
			return 0;
		}
		diff.differences().forEach(console()::print);
		diff.warnings().forEach((warning) -> console().warn("WARNING: " + warning));
		console().warn("FAILED: New upgrade operations detected (" + diff.differences().size()
				+ "). Write them as a revision with 'revision --autogenerate -m MSG'.");
		return 1;
	}

}
