package dev.migration;

import java.util.ArrayList;
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
		List<String> revisionIds = this.revisions.stream().map(LintReport::string).toList();
		List<String> findingObjects = this.findings.stream().map((finding) -> "\n" + json(finding)).toList();
		return object("dialect", string(this.dialect), "databaseChecked", String.valueOf(this.databaseChecked),
				"revisions", "[" + String.join(",", revisionIds) + "]", "errors",
				String.valueOf(count(LintFinding.Severity.ERROR)), "warnings",
				String.valueOf(count(LintFinding.Severity.WARNING)), "findings",
				"[" + String.join(",", findingObjects) + "]");
	}

	private static String json(LintFinding finding) {
		return object("file", string(finding.file()), "line", String.valueOf(finding.line()), "revision",
				string(finding.revision()), "rule", string(finding.rule()), "severity",
				string(finding.severity().word()), "lockTaken", string(finding.lockTaken()), "message",
				string(finding.message()), "safeAlternative", string(finding.safeAlternative()));
	}

	/** A JSON object from names and values already written as JSON, in that order. */
	private static String object(String... namesAndValues) {
		List<String> members = new ArrayList<>();
		for (int index = 0; index < namesAndValues.length; index += 2) {
			members.add("\"" + namesAndValues[index] + "\":" + namesAndValues[index + 1]);
		}
		return "{" + String.join(",", members) + "}";
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
