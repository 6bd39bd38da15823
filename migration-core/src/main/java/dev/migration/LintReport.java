package dev.migration;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link Migrations#lint()} found, in the order the revisions run and their statements within each.
 *
 * @param findings every finding not suppressed by a {@code -- lint: ignore <rule>} comment
 * @param revisions the ids of the revisions that were linted, in the order they run
 * @param dialect {@code postgresql} or {@code sqlite}: the rules that apply to one database only follow it
 * @param databaseChecked whether the database told which tables exist (else every table not created earlier in the
 * same revision counts as existing)
 */
public record LintReport(List<LintFinding> findings, List<String> revisions, String dialect,
		boolean databaseChecked) {

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

}
