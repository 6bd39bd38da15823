package dev.migration.internal.source;

import java.util.List;

import dev.migration.RevisionParseException;
import dev.migration.internal.revision.Revision;
import dev.migration.internal.revision.SqlBody;
import dev.migration.internal.revision.SqlStatement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SqlRevisionParserTests {

	private static final String LOCATION = "db/revisions/3f1c2a9b7d10_add_email_verification.sql";

	private static final String CONTRACT_EXAMPLE = """
			-- revision: 3f1c2a9b7d10
			-- down_revision: 9a8b7c6d5e4f
			-- message: Add email verification
			-- created: 2026-11-24T08:41:00Z

			-- upgrade
			ALTER TABLE users ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT FALSE;
			ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMP;

			-- downgrade
			ALTER TABLE users DROP COLUMN email_verified_at;
			ALTER TABLE users DROP COLUMN email_verified;
			""";

	@Test
	void parsesTheContractExample() {
		Revision revision = SqlRevisionParser.parse(LOCATION, CONTRACT_EXAMPLE);
		assertThat(revision.id()).isEqualTo("3f1c2a9b7d10");
		assertThat(revision.downRevisions()).containsExactly("9a8b7c6d5e4f");
		assertThat(revision.message()).isEqualTo("Add email verification");
		assertThat(revision.created()).isEqualTo("2026-11-24T08:41:00Z");
		assertThat(revision.branchLabels()).isEmpty();
		assertThat(revision.dependsOn()).isEmpty();
		assertThat(revision.transactional()).isTrue();
		assertThat(revision.location()).isEqualTo(LOCATION);
		assertThat(revision.checksum()).isEqualTo(Checksums.sha256(CONTRACT_EXAMPLE));
		assertThat(revision.upgrade()).isEqualTo(new SqlBody(List.of(
				new SqlStatement("ALTER TABLE users ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT FALSE", 7),
				new SqlStatement("ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMP", 8))));
		assertThat(revision.downgrade())
			.isEqualTo(new SqlBody(List.of(new SqlStatement("ALTER TABLE users DROP COLUMN email_verified_at", 11),
					new SqlStatement("ALTER TABLE users DROP COLUMN email_verified", 12))));
	}

	@Test
	void readsAMergeFromCommaSeparatedDownRevisions() {
		Revision revision = parse("-- revision: m1\n-- down_revision: a1, b2 ,c3\n-- upgrade\n");
		assertThat(revision.downRevisions()).containsExactly("a1", "b2", "c3");
		assertThat(revision.upgrade()).isEqualTo(SqlBody.EMPTY);
	}

	@Test
	void readsNoneAsNoDownRevisions() {
		assertThat(parse("-- revision: r1\n-- down_revision: None\n-- upgrade\nSELECT 1;\n").downRevisions()).isEmpty();
	}

	@Test
	void readsBranchLabelsAndDependencies() {
		Revision revision = parse("""
				-- revision: r2
				-- down_revision: none
				-- branch_labels: billing, reports
				-- depends_on: r0,r1
				-- upgrade
				SELECT 1;
				""");
		assertThat(revision.branchLabels()).containsExactly("billing", "reports");
		assertThat(revision.dependsOn()).containsExactly("r0", "r1");
	}

	@Test
	void readsTransactionalFalse() {
		Revision revision = parse("""
				-- revision: r1
				-- down_revision: none
				-- transactional: FALSE
				-- upgrade
				CREATE INDEX CONCURRENTLY i ON t (c);
				""");
		assertThat(revision.transactional()).isFalse();
	}

	@Test
	void leavesTheMessageEmptyWhenAbsent() {
		assertThat(parse("-- revision: r1\n-- down_revision: none\n-- upgrade\n").message()).isEmpty();
	}

	@Test
	void takesAFileWithoutDowngradeSectionForIrreversible() {
		Revision revision = parse("-- revision: r1\n-- down_revision: none\n-- upgrade\nDROP TABLE t;\n");
		assertThat(revision.downgrade()).isNull();
		assertThat(revision.reversible()).isFalse();
	}

	@Test
	void takesAnEmptyDowngradeSectionForIrreversible() {
		Revision revision = parse("""
				-- revision: r1
				-- down_revision: none
				-- upgrade
				DROP TABLE t;
				-- downgrade
				-- the dropped data cannot come back
				""");
		assertThat(revision.downgrade()).isNull();
	}

	@Test
	void takesARevisionThatChangesNothingForReversibleSoMergesCanBeDowngraded() {
		Revision merge = parse("""
				-- revision: m1
				-- down_revision: a1, b1
				-- message: Merge heads
				-- upgrade

				-- downgrade
				""");
		assertThat(merge.reversible()).isTrue();
		assertThat(merge.downgrade()).isEqualTo(SqlBody.EMPTY);
	}

	@Test
	void acceptsSectionMarkersInAnyCaseWithSurroundingWhitespace() {
		Revision revision = parse(
				"-- revision: r1\n-- down_revision: none\n  --  UPGRADE  \nSELECT 1;\n\t-- Downgrade\nSELECT 2;");
		assertThat(revision.upgrade()).isEqualTo(new SqlBody(List.of(new SqlStatement("SELECT 1", 4))));
		assertThat(revision.downgrade()).isEqualTo(new SqlBody(List.of(new SqlStatement("SELECT 2", 6))));
	}

	@Test
	void ignoresCommentsAndBlankLinesInTheHeader() {
		Revision revision = parse("""
				-- A hand-written revision
				--
				-- revision: r1

				-- see TICKET-12, it explains why
				-- down_revision: none
				-- upgrade
				SELECT 1;
				""");
		assertThat(revision.id()).isEqualTo("r1");
	}

	@Test
	void keepsMessagesThatContainColons() {
		assertThat(parse("-- revision: r1\n-- down_revision: none\n-- message: Fix: users\n-- upgrade\n").message())
			.isEqualTo("Fix: users");
	}

	@Test
	void toleratesAByteOrderMarkAndWindowsLineEndings() {
		String content = "\uFEFF" + CONTRACT_EXAMPLE.replace("\n", "\r\n");
		Revision revision = SqlRevisionParser.parse(LOCATION, content);
		assertThat(revision.id()).isEqualTo("3f1c2a9b7d10");
		assertThat(revision.upgrade()).isEqualTo(SqlRevisionParser.parse(LOCATION, CONTRACT_EXAMPLE).upgrade());
		assertThat(revision.checksum()).isEqualTo(Checksums.sha256(CONTRACT_EXAMPLE));
	}

	@Test
	void rejectsAnUnknownKeyAndListsTheKnownOnes() {
		assertParseError("-- revision: r1\n-- down_revison: none\n-- upgrade\n", 2,
				"unknown header key 'down_revison' (known: revision, down_revision, message, created, branch_labels, "
						+ "depends_on, transactional)");
	}

	@Test
	void rejectsADuplicateKey() {
		assertParseError("-- revision: r1\n-- down_revision: none\n-- revision: r2\n-- upgrade\n", 3,
				"header key 'revision' given twice (first at line 1)");
	}

	@Test
	void rejectsAnInvalidRevisionId() {
		assertParseError("-- revision: not-an-id\n-- down_revision: none\n-- upgrade\n", 1,
				"revision 'not-an-id' is not a valid revision id");
	}

	@Test
	void rejectsAnInvalidDownRevisionId() {
		assertParseError("-- revision: r1\n-- down_revision: a1, b 2\n-- upgrade\n", 2,
				"down_revision 'b 2' is not a valid revision id");
	}

	@Test
	void rejectsAnEmptyDownRevision() {
		assertParseError("-- revision: r1\n-- down_revision:\n-- upgrade\n", 2, "write 'none' for a first revision");
	}

	@Test
	void rejectsNoneMixedWithIds() {
		assertParseError("-- revision: r1\n-- down_revision: none, a1\n-- upgrade\n", 2, "mixes 'none' with ids");
	}

	@Test
	void rejectsAnInvalidDependency() {
		assertParseError("-- revision: r1\n-- down_revision: none\n-- depends_on: a.1\n-- upgrade\n", 3,
				"depends_on 'a.1' is not a valid revision id");
	}

	@Test
	void rejectsABranchLabelWithAnAtSign() {
		assertParseError("-- revision: r1\n-- down_revision: none\n-- branch_labels: a@b\n-- upgrade\n", 3,
				"branch label 'a@b' is not valid");
	}

	@Test
	void rejectsABadBoolean() {
		assertParseError("-- revision: r1\n-- down_revision: none\n-- transactional: yes\n-- upgrade\n", 3,
				"transactional must be 'true' or 'false', not 'yes'");
	}

	@Test
	void rejectsSqlBeforeTheFirstSectionMarker() {
		assertParseError("-- revision: r1\n-- down_revision: none\n\nCREATE TABLE t (id INT);\n-- upgrade\n", 4,
				"put a line '-- upgrade' before the upgrade's statements");
	}

	@Test
	void rejectsAFileWithoutUpgradeSection() {
		assertParseError("-- revision: r1\n-- down_revision: none\n-- downgrade\nSELECT 1;\n", 3,
				"no '-- upgrade' section");
	}

	@Test
	void rejectsAFileWithoutAnySectionAtItsLastLine() {
		assertParseError("-- revision: r1\n-- down_revision: none\n", 2, "no '-- upgrade' section");
	}

	@Test
	void rejectsASectionGivenTwice() {
		assertParseError("-- revision: r1\n-- down_revision: none\n-- upgrade\nSELECT 1;\n-- upgrade\nSELECT 2;\n", 5,
				"section '-- upgrade' given twice (first at line 3)");
	}

	@Test
	void rejectsAMissingRevisionKeyAtTheEndOfTheHeader() {
		assertParseError("-- down_revision: none\n\n-- upgrade\n", 3, "header key 'revision' is missing");
	}

	@Test
	void rejectsAMissingDownRevisionKey() {
		assertParseError("-- revision: r1\n-- upgrade\n", 2,
				"header key 'down_revision' is missing: add '-- down_revision: <id>' to the header, or "
						+ "'-- down_revision: none' for a first revision");
	}

	@Test
	void countsLinesOfWindowsFilesInErrors() {
		assertParseError("-- revision: r1\r\n-- down_revision: none\r\n-- colour: red\r\n-- upgrade\r\n", 3,
				"unknown header key 'colour'");
	}

	private static Revision parse(String content) {
		return SqlRevisionParser.parse(LOCATION, content);
	}

	private static void assertParseError(String content, int line, String problem) {
		assertThatExceptionOfType(RevisionParseException.class).isThrownBy(() -> parse(content)).satisfies((ex) -> {
			assertThat(ex.location()).isEqualTo(LOCATION);
			assertThat(ex.line()).isEqualTo(line);
		}).withMessageStartingWith(LOCATION + ":" + line + ": ").withMessageContaining(problem);
	}

}
