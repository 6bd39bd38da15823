package dev.migration.cli;

import java.util.List;
import java.util.concurrent.Callable;

import dev.migration.ChecksumMismatch;
import dev.migration.MigrationException;
import dev.migration.Migrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "validate", description = "Compare the checksums of applied revisions with their sources.",
		footer = { "", "Example:", "  migration --url jdbc:sqlite:app.db validate" })
final class ValidateCommand implements Callable<Integer> {

	@ParentCommand
	private MigrationCli cli;

	@Override
	public Integer call() {
		Migrations migrations = this.cli.database();
		List<ChecksumMismatch> mismatches = migrations.validate();
		this.cli.console().warnUnfinished(migrations.unfinished());
		if (mismatches.isEmpty()) {
			this.cli.console().print("OK");
			return 0;
		}
		for (ChecksumMismatch mismatch : mismatches) {
			this.cli.console().print(mismatch.toString());
		}
		throw new MigrationException(mismatches.size() + " applied revision(s) changed since they ran."
				+ " Restore their sources, or write a new revision for the change.");
	}

}
