package dev.migration.cli;

import java.util.List;

import dev.migration.ChecksumMismatch;
import dev.migration.MigrationException;
import dev.migration.Migrations;
import picocli.CommandLine.Command;

@Command(name = "validate", description = "Compare the checksums of applied revisions with their sources.",
		footer = { "  migration --url jdbc:sqlite:app.db validate" })
final class ValidateCommand extends CliCommand {

	@Override
	public Integer call() {
		Migrations migrations = this.cli.database();
		List<ChecksumMismatch> mismatches = migrations.validate();
		console().warnUnfinished(migrations.unfinished());
		if (mismatches.isEmpty()) {
			console().print("OK");
			return 0;
		}
		mismatches.forEach((mismatch) -> console().print(mismatch.toString()));
		throw new MigrationException(mismatches.size() + " applied revision(s) changed since they ran."
				+ " Restore their sources, or write a new revision for the change.");
	}

}
