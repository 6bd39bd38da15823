package dev.migration.cli;

import dev.migration.LintFinding;
import dev.migration.LintReport;
import dev.migration.Migrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "lint",
		description = "Report statements of the revisions that lock a busy table for long, fail, or lose data: exit 1 "
				+ "on an error, 0 with warnings only. Without --url every revision is read; with it, the pending "
				+ "ones, and the database tells which tables exist.",
		footer = { "", "Suppress a finding with '-- lint: ignore <rule>' on the line before the statement.", "",
				"Examples:", "  migration lint --dialect postgresql",
				"  migration --url jdbc:postgresql://localhost/app lint --format json" })
final class LintCommand extends CliCommand {

	@Option(names = "--dialect", paramLabel = "DIALECT",
			description = "postgresql or sqlite, how the revisions are read without --url.")
	private String dialect;

	@Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
	private String format = "text";

	@Override
	public Integer call() {
		if (!this.format.equals("text") && !this.format.equals("json")) {
			throw new UsageException("Unknown --format '" + this.format + "': use text or json.");
		}
		Migrations migrations = (this.cli.url() != null && !this.cli.url().isBlank()) ? this.cli.database()
				: this.cli.offline(this.dialect);
		LintReport report = migrations.lint();
		if (this.format.equals("json")) {
			console().print(report.toJson());
		}
		else {
			print(console(), report);
		}
		return report.hasErrors() ? 1 : 0;
	}

	/** One line per finding on stdout, the count on stderr. */
	private static void print(Console console, LintReport report) {
		for (LintFinding finding : report.findings()) {
			console.print(finding.describe());
		}
		summary(console, report);
	}

	/**
	 * Findings and count on stderr: what {@code revision --autogenerate} adds after the
	 * path it wrote.
	 */
	static void warn(Console console, LintReport report) {
		for (LintFinding finding : report.findings()) {
			console.warn(finding.describe());
		}
		summary(console, report);
	}

	private static void summary(Console console, LintReport report) {
		console.warn("Lint: " + report.count(LintFinding.Severity.ERROR) + " errors, "
				+ report.count(LintFinding.Severity.WARNING) + " warnings in " + report.revisions().size()
				+ " revisions (" + report.dialect() + (report.databaseChecked() ? ", tables read from the database)"
						: ", every table not created in the same revision counted as existing)"));
	}

}
