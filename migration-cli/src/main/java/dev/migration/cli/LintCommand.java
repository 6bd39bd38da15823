package dev.migration.cli;

import dev.migration.LintReport;
import dev.migration.Migrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "lint",
		description = "Report statements of the revisions that lock a busy table for long, fail, or lose data: exit 1 "
				+ "on an error, 0 with warnings only. Without --url every revision is read; with it, the pending "
				+ "ones, and the database tells which tables exist. Suppress a finding with "
				+ "'-- lint: ignore <rule>' on the line before the statement.",
		footer = { "  migration lint --dialect postgresql",
				"  migration --url jdbc:postgresql://localhost/app lint --format json" })
final class LintCommand extends CliCommand {

	@Option(names = "--dialect", paramLabel = "DIALECT",
			description = "postgresql or sqlite, how the revisions are read without --url.")
	private String dialect;

	@Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
	private Format format = Format.text;

	@Override
	public Integer call() {
		Migrations migrations = (this.cli.url() != null) ? this.cli.database() : this.cli.offline(this.dialect);
		LintReport report = migrations.lint();
		if (this.format == Format.json) {
			console().print(report.toJson());
		}
		else {
			report.findings().forEach((finding) -> console().print(finding.describe()));
			console().warn(report.summary());
		}
		return report.hasErrors() ? 1 : 0;
	}

	/** Findings and count on stderr, as {@code revision --autogenerate} adds them. */
	static void warn(Console console, LintReport report) {
		report.findings().forEach((finding) -> console.warn(finding.describe()));
		console.warn(report.summary());
	}

	/** How the report is printed; picocli refuses any other value as a usage error. */
	private enum Format {

		text, json

	}

}
