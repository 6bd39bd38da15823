package dev.migration;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LintReportTests {

	@Test
	void jsonHasTheReportsFieldsThenOneFindingPerLine() {
		LintFinding error = new LintFinding("db/a1_add.sql", 7, "a1", "adding-index", LintFinding.Severity.ERROR,
				"SHARE (blocks writes)", "CREATE INDEX \"ix\"\ton t", "CREATE INDEX CONCURRENTLY");
		LintFinding warning = new LintFinding("b2.java", 0, "b2", "dropping-table", LintFinding.Severity.WARNING,
				"ACCESS EXCLUSIVE (brief)", "line\none\\two", null);
		LintReport report = new LintReport(List.of(error, warning), List.of("a1", "b2"), "postgresql", true);

		assertThat(report.toJson()).isEqualTo("{\"dialect\":\"postgresql\",\"databaseChecked\":true,"
				+ "\"revisions\":[\"a1\",\"b2\"],\"errors\":1,\"warnings\":1,\"findings\":[\n"
				+ "{\"file\":\"db/a1_add.sql\",\"line\":7,\"revision\":\"a1\",\"rule\":\"adding-index\","
				+ "\"severity\":\"error\",\"lockTaken\":\"SHARE (blocks writes)\","
				+ "\"message\":\"CREATE INDEX \\\"ix\\\"\\ton t\",\"safeAlternative\":\"CREATE INDEX CONCURRENTLY\"},\n"
				+ "{\"file\":\"b2.java\",\"line\":0,\"revision\":\"b2\",\"rule\":\"dropping-table\","
				+ "\"severity\":\"warning\",\"lockTaken\":\"ACCESS EXCLUSIVE (brief)\","
				+ "\"message\":\"line\\none\\\\two\",\"safeAlternative\":null}]}");
	}

	@Test
	void jsonOfAnEmptyReportHasEmptyLists() {
		LintReport report = new LintReport(List.of(), List.of(), null, false);

		assertThat(report.toJson()).isEqualTo("{\"dialect\":null,\"databaseChecked\":false,\"revisions\":[],"
				+ "\"errors\":0,\"warnings\":0,\"findings\":[]}");
	}

}
