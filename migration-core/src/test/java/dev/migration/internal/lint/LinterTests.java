package dev.migration.internal.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migration.JavaRevision;
import dev.migration.LintFinding;
import dev.migration.internal.dialect.Dialect;
import dev.migration.internal.revision.Revision;
import dev.migration.internal.source.JavaRevisions;
import dev.migration.internal.source.SqlRevisionParser;
import dev.migration.internal.source.SqlSyntax;
import dev.migration.operations.Operations;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule fires on the statement it names and stays quiet on the safe form of it, on a
 * table created in the same revision, and under an ignore comment. Revisions are written
 * inline; the upgrade's first statement is on line 5.
 */
class LinterTests {

	private static final SqlSyntax PG = SqlSyntax.POSTGRESQL;

	private static final SqlSyntax SQLITE = SqlSyntax.SQLITE;

	@Test
	void volatileDefaultOnAnExistingTableRewritesIt() {
		assertThat(rules(PG, "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();"))
			.containsExactly("5 adding-volatile-default");
		assertThat(rules(PG, "ALTER TABLE users ADD COLUMN id bigserial;"))
			.containsExactly("5 adding-volatile-default");
		assertThat(rules(PG, "ALTER TABLE users ADD COLUMN n int GENERATED ALWAYS AS IDENTITY;"))
			.containsExactly("5 adding-volatile-default");
	}

	@Test
	void constantAndStableDefaultsDoNotRewrite() {
		assertThat(rules(PG, "ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT false;",
				"ALTER TABLE users ADD COLUMN created_at timestamptz DEFAULT now();"))
			.isEmpty();
	}

	@Test
	void volatileDefaultOnATableCreatedInTheSameRevisionIsFine() {
		assertThat(rules(PG, "CREATE TABLE tokens (id int);",
				"ALTER TABLE tokens ADD COLUMN token uuid DEFAULT gen_random_uuid();"))
			.isEmpty();
	}

	@Test
	void postgresRulesDoNotFireOnSqlite() {
		assertThat(rules(SQLITE, "ALTER TABLE users ADD COLUMN token text DEFAULT (random());",
				"CREATE INDEX ix_users_name ON users (name);"))
			.isEmpty();
	}

	@Test
	void setNotNullWithoutAValidatedCheckScansTheTable() {
		assertThat(rules(PG, "ALTER TABLE users ALTER COLUMN email SET NOT NULL;"))
			.containsExactly("5 setting-not-null");
	}

	@Test
	void setNotNullAfterAValidatedCheckIsFine() {
		assertThat(rules(PG, "ALTER TABLE users ADD CONSTRAINT email_not_null CHECK (email IS NOT NULL) NOT VALID;",
				"ALTER TABLE users VALIDATE CONSTRAINT email_not_null;",
				"ALTER TABLE users ALTER COLUMN email SET NOT NULL;"))
			.isEmpty();
	}

	@Test
	void setNotNullAfterACheckValidatedInAnEarlierRevisionIsFine() {
		String first = revision("r1", "none", true,
				"ALTER TABLE users ADD CONSTRAINT email_not_null CHECK (email IS NOT NULL) NOT VALID;\n"
						+ "ALTER TABLE users VALIDATE CONSTRAINT email_not_null;");
		String second = revision("r2", "r1", true, "ALTER TABLE users ALTER COLUMN email SET NOT NULL;");
		assertThat(rules(lint(PG, null, first, second))).isEmpty();
	}

	@Test
	void setNotNullAfterANotValidCheckThatWasNeverValidatedScans() {
		assertThat(rules(PG, "ALTER TABLE users ADD CONSTRAINT email_not_null CHECK (email IS NOT NULL) NOT VALID;",
				"ALTER TABLE users ALTER COLUMN email SET NOT NULL;"))
			.containsExactly("6 setting-not-null");
	}

	@Test
	void createIndexOnAnExistingTableNeedsConcurrently() {
		assertThat(rules(PG, "CREATE INDEX ix_users_name ON users (name);",
				"CREATE UNIQUE INDEX IF NOT EXISTS ux_users_email ON ONLY public.users (email);"))
			.containsExactly("5 require-concurrent-index", "6 require-concurrent-index");
	}

	@Test
	void createIndexConcurrentlyOutsideATransactionIsFine() {
		String text = revision("r1", "none", false, "CREATE INDEX CONCURRENTLY ix_users_name ON users (name);");
		assertThat(rules(lint(PG, null, text))).isEmpty();
	}

	@Test
	void createIndexConcurrentlyInATransactionalRevisionFails() {
		assertThat(rules(PG, "CREATE INDEX CONCURRENTLY ix_users_name ON users (name);"))
			.containsExactly("5 concurrently-in-transaction");
	}

	@Test
	void createIndexOnATableCreatedInTheSameRevisionIsFine() {
		assertThat(rules(PG, "CREATE TABLE posts (id int, author int);", "CREATE INDEX ix_posts ON posts (author);"))
			.isEmpty();
	}

	@Test
	void typeChangeOnAnExistingTableRewritesIt() {
		assertThat(rules(PG, "ALTER TABLE users ALTER COLUMN age TYPE bigint;",
				"ALTER TABLE users ALTER age SET DATA TYPE numeric(10, 2) USING age::numeric;"))
			.containsExactly("5 changing-column-type", "6 changing-column-type");
		assertThat(rules(PG, "CREATE TABLE t (age int);", "ALTER TABLE t ALTER COLUMN age TYPE bigint;")).isEmpty();
	}

	@Test
	void typeChangesThatPostgresMakesWithoutARewriteAreFine() {
		String created = revision("r1", "none", true,
				"CREATE TABLE history (id bigint, data varchar(8192) NOT NULL, " + "price numeric(10, 2), note text);");
		String widened = revision("r2", "r1", true, "ALTER TABLE history ALTER COLUMN data TYPE varchar(32768);\n"
				+ "ALTER TABLE history ALTER COLUMN price TYPE numeric(12, 2), ALTER COLUMN note TYPE varchar;\n"
				+ "ALTER TABLE history ALTER COLUMN data TYPE text;");
		String narrowed = revision("r3", "r2", true, "ALTER TABLE history ALTER COLUMN note TYPE varchar(10);\n"
				+ "ALTER TABLE history ALTER COLUMN id TYPE text;");
		List<LintFinding> findings = lint(PG, null, created, widened, narrowed);
		assertThat(rules(findings)).containsExactly("5 changing-column-type", "6 changing-column-type");
		assertThat(findings.get(findings.size() - 1).message()).contains("TYPE text", "(it was bigint)");
	}

	@Test
	void whatADowngradeChangesIsNotWhereTheNextRevisionStarts() {
		String created = revision("r1", "none", true, "CREATE TABLE t (name varchar(20));",
				"ALTER TABLE t ALTER COLUMN name TYPE text;");
		String widened = revision("r2", "r1", true, "ALTER TABLE t ALTER COLUMN name TYPE varchar(30);");
		assertThat(rules(lint(PG, null, created, widened))).isEmpty();
	}

	@Test
	void foreignKeyAndCheckWithoutNotValidCheckEveryRow() {
		List<LintFinding> findings = lint(PG, null,
				revision("r1", "none", true,
						"ALTER TABLE posts ADD CONSTRAINT fk_author FOREIGN KEY (author) REFERENCES users (id);\n"
								+ "ALTER TABLE posts ADD CHECK (length(title) > 0);"));
		assertThat(rules(findings)).containsExactly("5 constraint-missing-not-valid", "6 constraint-missing-not-valid");
		assertThat(findings.get(1).lockTaken()).isEqualTo("SHARE ROW EXCLUSIVE on posts and users (blocks writes)");
	}

	@Test
	void notValidThenValidateIsFine() {
		assertThat(rules(PG,
				"ALTER TABLE posts ADD CONSTRAINT fk_author FOREIGN KEY (author) REFERENCES users (id) NOT VALID;",
				"ALTER TABLE posts VALIDATE CONSTRAINT fk_author;",
				"ALTER TABLE posts ADD CONSTRAINT title_set CHECK (length(title) > 0) NOT VALID;",
				"ALTER TABLE posts VALIDATE CONSTRAINT title_set;"))
			.isEmpty();
	}

	@Test
	void uniqueOrPrimaryKeyWithoutAnIndexBuildsOneUnderTheLock() {
		assertThat(rules(PG, "ALTER TABLE users ADD CONSTRAINT ux_email UNIQUE (email);",
				"ALTER TABLE users ADD PRIMARY KEY (id);", "ALTER TABLE users ADD COLUMN code int UNIQUE;"))
			.containsExactly("5 unique-constraint-without-index", "6 unique-constraint-without-index",
					"7 unique-constraint-without-index");
	}

	@Test
	void uniqueUsingAConcurrentIndexIsFine() {
		String text = revision("r1", "none", false, "CREATE UNIQUE INDEX CONCURRENTLY ux_email ON users (email);\n"
				+ "ALTER TABLE users ADD CONSTRAINT ux_email UNIQUE USING INDEX ux_email;");
		assertThat(rules(lint(PG, null, text))).isEmpty();
	}

	@Test
	void vacuumFullAndClusterRewriteTheTable() {
		assertThat(rules(PG, "VACUUM FULL users;", "VACUUM (FULL, ANALYZE) users;", "CLUSTER users USING ix;",
				"VACUUM ANALYZE users;"))
			.containsExactly("5 vacuum-full-or-cluster", "6 vacuum-full-or-cluster", "7 vacuum-full-or-cluster");
	}

	@Test
	void sqliteVacuumRebuildsTheWholeDatabase() {
		assertThat(rules(SQLITE, "VACUUM;")).containsExactly("5 vacuum-full-or-cluster");
	}

	@Test
	void renamesOfExistingTablesAndColumnsBreakTheRunningVersion() {
		for (SqlSyntax syntax : List.of(PG, SQLITE)) {
			assertThat(rules(syntax, "ALTER TABLE users RENAME COLUMN name TO full_name;",
					"ALTER TABLE users RENAME TO accounts;"))
				.containsExactly("5 renaming-column", "6 renaming-table");
		}
	}

	@Test
	void renamesOfATableCreatedInTheSameRevisionAreFine() {
		assertThat(rules(PG, "CREATE TABLE users_new (id int);", "ALTER TABLE users_new RENAME COLUMN id TO key;",
				"ALTER TABLE users_new RENAME TO users_next;", "CREATE INDEX ix ON users_next (key);"))
			.isEmpty();
	}

	@Test
	void dropsOfExistingTablesAndColumnsLoseData() {
		for (SqlSyntax syntax : List.of(PG, SQLITE)) {
			assertThat(rules(syntax, "ALTER TABLE users DROP COLUMN nickname;", "DROP TABLE IF EXISTS old_a, old_b;"))
				.containsExactly("5 dropping-column", "6 dropping-table", "6 dropping-table");
		}
	}

	@Test
	void droppingATableWhoseRowsWereCopiedLosesNothing() {
		assertThat(rules(SQLITE, "CREATE TABLE users_new (id integer, name text);",
				"INSERT INTO users_new (id, name) SELECT id, name FROM users;", "DROP TABLE users;",
				"ALTER TABLE users_new RENAME TO users;"))
			.isEmpty();
	}

	@Test
	void renamingATableAwayAndCreatingItAgainRebuildsIt() {
		assertThat(rules(SQLITE, "ALTER TABLE users RENAME TO _users_old;", "CREATE TABLE users (id integer);",
				"INSERT INTO users SELECT * FROM _users_old;", "DROP TABLE _users_old;"))
			.isEmpty();
	}

	@Test
	void ddlOnAnExistingTableWithoutLockTimeoutIsReportedOncePerSection() {
		List<LintFinding> findings = lint(PG, null, revision("r1", "none", true,
				"CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN a int;\nALTER TABLE users ADD COLUMN a int;\n"
						+ "ALTER TABLE users ADD COLUMN b int;",
				"ALTER TABLE users DROP COLUMN b;"));
		assertThat(rules(findings, true)).containsExactly("7 missing-lock-timeout", "11 missing-lock-timeout",
				"11 downgrade-drops-data");
	}

	@Test
	void lockTimeoutSetBeforeTheStatementIsFine() {
		assertThat(rules(
				lint(PG, null,
						revision("r1", "none", true, "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN a int;")),
				true))
			.isEmpty();
		assertThat(rules(
				lint(PG, null,
						revision("r1", "none", true,
								"SELECT set_config('lock_timeout', '5s', true);\nALTER TABLE users ADD COLUMN a int;")),
				true))
			.isEmpty();
		assertThat(rules(lint(SQLITE, null, revision("r1", "none", true, "ALTER TABLE users ADD COLUMN a int;")), true))
			.isEmpty();
	}

	@Test
	void aDowngradeThatDropsWhatItsUpgradeAddedLosesData() {
		List<LintFinding> findings = lint(SQLITE, null,
				revision("r1", "none", true, "CREATE TABLE teams (id int);\nALTER TABLE users ADD COLUMN team_id int;",
						"ALTER TABLE users DROP COLUMN team_id;\nDROP TABLE teams;\nDROP TABLE legacy;"));
		assertThat(rules(findings)).containsExactly("9 downgrade-drops-data", "10 downgrade-drops-data",
				"11 dropping-table");
		assertThat(findings.get(0).severity()).isEqualTo(LintFinding.Severity.WARNING);
		assertThat(findings.get(0).message()).contains("users.team_id").endsWith("(downgrade)");
	}

	@Test
	void anIgnoreCommentOnTheLineBeforeSuppressesTheNamedRulesOnly() {
		assertThat(rules(PG, "-- lint: ignore require-concurrent-index\nCREATE INDEX ix ON users (name);",
				"-- lint: ignore renaming-column, dropping-column\nALTER TABLE users RENAME a TO b, DROP COLUMN c;",
				"-- lint: ignore dropping-table\nALTER TABLE users ALTER COLUMN email SET NOT NULL;"))
			.containsExactly("10 setting-not-null");
	}

	@Test
	void aTableTheDatabaseDoesNotHoldIsNew() {
		String text = revision("r1", "none", true, "CREATE INDEX ix_a ON fresh (a);\nCREATE INDEX ix_b ON users (b);");
		assertThat(rules(lint(PG, Set.of("users"), text))).containsExactly("6 require-concurrent-index");
	}

	@Test
	void javaRevisionsAreReadAsTheirOperationsRender() {
		JavaRevision indexUsers = new JavaRevision() {

			@Override
			public String id() {
				return "j1";
			}

			@Override
			public List<String> downRevisions() {
				return List.of();
			}

			@Override
			public void upgrade(Operations operations) {
				operations.renameTable("people", "persons");
			}

		};
		List<LintFinding> findings = Linter.lint(List.of(JavaRevisions.adapt(indexUsers)), Dialect.named("sqlite"),
				null);
		assertThat(rules(findings)).containsExactly("0 renaming-table", "0 renaming-table");
		assertThat(findings.get(0).file()).isEqualTo(indexUsers.getClass().getName());
	}

	@Test
	void findingsCarryFileRevisionLockAndSafeWay() {
		LintFinding finding = lint(PG, null, revision("r1", "none", true, "CREATE INDEX ix ON users (name);")).get(1);
		assertThat(finding.file()).isEqualTo("r1_test.sql");
		assertThat(finding.revision()).isEqualTo("r1");
		assertThat(finding.severity()).isEqualTo(LintFinding.Severity.ERROR);
		assertThat(finding.lockTaken()).isEqualTo("SHARE on users (blocks writes)");
		assertThat(finding.safeAlternative()).contains("CONCURRENTLY", "transactional: false");
		assertThat(finding.describe()).startsWith("r1_test.sql:5: require-concurrent-index error: CREATE INDEX on "
				+ "existing table users without CONCURRENTLY");
	}

	private static List<String> rules(SqlSyntax syntax, String... upgrade) {
		return rules(lint(syntax, null, revision("r1", "none", true, String.join("\n", upgrade))));
	}

	private static List<String> rules(List<LintFinding> findings) {
		return rules(findings, false);
	}

	private static List<String> rules(List<LintFinding> findings, boolean withLockTimeout) {
		List<String> rules = new ArrayList<>();
		for (LintFinding finding : findings) {
			if (withLockTimeout || !finding.rule().equals("missing-lock-timeout")) {
				rules.add(finding.line() + " " + finding.rule());
			}
		}
		return rules;
	}

	private static List<LintFinding> lint(SqlSyntax syntax, Set<String> tables, String... texts) {
		List<Revision> revisions = new ArrayList<>();
		for (String text : texts) {
			String id = text.substring("-- revision: ".length(), text.indexOf('\n'));
			revisions.add(SqlRevisionParser.parse(id + "_test.sql", text));
		}
		return Linter.lint(revisions, Dialect.named((syntax == PG) ? "postgresql" : "sqlite"),
				(tables != null) ? new DatabaseFacts(tables, Map.of(), false) : null);
	}

	private static String revision(String id, String down, boolean transactional, String upgrade) {
		return revision(id, down, transactional, upgrade, "");
	}

	/** Header on lines 1-3, the upgrade from line 5. */
	private static String revision(String id, String down, boolean transactional, String upgrade, String downgrade) {
		return "-- revision: " + id + "\n-- down_revision: " + down + "\n-- transactional: " + transactional
				+ "\n-- upgrade\n" + upgrade + "\n\n-- downgrade\n" + downgrade + "\n";
	}

}
