package dev.migration;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link Migrations#lint()} found, in the order the revisions run and their
 * statements within each.
 *
 * @param findings every finding not suppressed by a {@code -- lint: ignore <rule>}
 * comment
 * @param revisions the ids of the revisions that were linted, in the order they run
 * @param dialect {@code postgresql} or {@code sqlite}: the rules that apply to one
 * database only follow it
 * @param databaseChecked whether the database told which tables exist (else every table
 * not created earlier in the same revision counts as existing)
 */
public record LintReport(List<LintFinding> findings, List<String> revisions, String dialect, boolean databaseChecked) {

	public LintReport {
		findings = List.copyOf(findings);
		revisions = List.copyOf(revisions);
	}

	/** Whether a finding is an error: {@code lint} exits with 1. */
	public boolean hasErrors() {
		return this.findings.stream().anyMatch((finding) -> finding.severity() == LintFinding.Severity.ERROR);
	}

	/** The number of findings per rule id, sorted by id. */
	public Map<String, Integer> countsByRule() {
		Map<String, Integer> counts = new TreeMap<>();
		for (LintFinding finding : this.findings) {
			counts.merge(finding.rule(), 1, Integer::sum);
		}
		return counts;
	}

	/** The number of findings of a severity. */
	public long count(LintFinding.Severity severity) {
		return this.findings.stream().filter((finding) -> finding.severity() == severity).count();
	}

	/**
	 * The counts in one line, e.g. {@code Lint: 0 errors, 2 warnings in 3 revisions
	 * (postgresql, tables read from the database)}.
	 */
	public String summary() {
		return "Lint: " + count(LintFinding.Severity.ERROR) + " errors, " + count(LintFinding.Severity.WARNING)
				+ " warnings in " + this.revisions.size() + " revisions (" + this.dialect
				+ (this.databaseChecked ? ", tables read from the database)"
						: ", every table not created in the same revision counted as existing)");
	}

	/**
	 * The report as one JSON object: {@code dialect}, {@code databaseChecked},
	 * {@code revisions}, {@code errors}, {@code warnings} and {@code findings}, each
	 * finding with the fields of {@link LintFinding} ({@code severity} as {@code error}
	 * or {@code warning}).
	 */
	public String toJson() {
		StringBuilder json = new StringBuilder("{\"dialect\":").append(string(this.dialect))
			.append(",\"databaseChecked\":")
			.append(this.databaseChecked)
			.append(",\"revisions\":[");
		for (int index = 0; index < this.revisions.size(); index++) {
			json.append((index > 0) ? "," : "").append(string(this.revisions.get(index)));
		}
		json.append("],\"errors\":")
			.append(count(LintFinding.Severity.ERROR))
			.append(",\"warnings\":")
			.append(count(LintFinding.Severity.WARNING))
			.append(",\"findings\":[");
		for (int index = 0; index < this.findings.size(); index++) {
			LintFinding finding = this.findings.get(index);
			json.append((index > 0) ? ",\n" : "\n")
				.append("{\"file\":")
				.append(string(finding.file()))
				.append(",\"line\":")
				.append(finding.line())
				.append(",\"revision\":")
				.append(string(finding.revision()))
				.append(",\"rule\":")
				.append(string(finding.rule()))
				.append(",\"severity\":")
				.append(string(finding.severity().word()))
				.append(",\"lockTaken\":")
				.append(string(finding.lockTaken()))
				.append(",\"message\":")
				.append(string(finding.message()))
				.append(",\"safeAlternative\":")
				.append(string(finding.safeAlternative()))
				.append('}');
		}
		return json.append("]}").toString();
	}

	private static String string(String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder quoted = new StringBuilder("\"");
		for (char character : value.toCharArray()) {
			switch (character) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (character < 0x20) {
						quoted.append(String.format("\\u%04x", (int) character));
					}
					else {
						quoted.append(character);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
