package dev.migration.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migration.operations.Operations;
import dev.migration.support.TestDatabase;
import dev.migration.support.TestRevision;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each check of the kit passes on a good set of revisions and fails, naming the revision
 * and the difference, on a bad one. Every revision set is written here, so each test
 * shows what it breaks. Each subclass names the database.
 */
abstract class MigrationChecksTests {

	@TempDir
	Path temporary;

	Path revisions;

	TestDatabase database;

	abstract TestDatabase newDatabase(Path directory);

	@BeforeEach
	void setUp() throws IOException {
		this.database = newDatabase(this.temporary);
		this.revisions = Files.createDirectories(this.temporary.resolve("revisions"));
	}

	@Test
	void goodRevisionsPassEveryCheck() throws IOException {
		writeGoodRevisions();
		Path target = write(this.temporary.resolve("schema.sql"), """
				CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, email VARCHAR(120));
				CREATE INDEX ix_users_email ON users (email);
				CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id),
				    title VARCHAR(200));
				""");
		MigrationChecks checks = checks().targetSchema(target.toString());

		checks.assertSingleHead();
		checks.assertUpgradeToHeads();
		checks.assertMatchesTargetSchema();
		checks.assertUpDownConsistency();
		checks.assertDowngradeLeavesNothing();
		checks.assertAll();
		assertThat(checks.migrations().current()).isEmpty();
	}

	@Test
	void revisionsThatOnlyCreateTablesAreLintClean() throws IOException {
		revision("a1b2c3d4e5f6", "none", "Create users",
				"CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);\n"
						+ "CREATE INDEX ix_users_name ON users (name);",
				"DROP TABLE users;");

		checks().assertLintClean();
	}

	@Test
	void dynamicTestsNameEachCheck() throws IOException {
		writeGoodRevisions();

		List<String> names = checks().dynamicTests().map(DynamicTest::getDisplayName).toList();

		// no db/schema.sql on this classpath: the target schema check is left out
		assertThat(names).containsExactly("single head", "up-down consistency", "upgrade to heads",
				"downgrade leaves nothing");
	}

	@Test
	void afterAFailureThatMovedTheDatabaseTheLaterChecksAreNotRun() throws IOException {
		revision("a1b2c3d4e5f6", "none", "Create users",
				"CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);", "SELECT 1;");
		List<String> outcomes = new ArrayList<>();

		checks().dynamicTests().forEach((test) -> {
			try {
				test.getExecutable().execute();
				outcomes.add(test.getDisplayName() + ": passed");
			}
			catch (TestAbortedException ex) {
				outcomes.add(test.getDisplayName() + ": not run");
			}
			catch (Throwable ex) {
				outcomes.add(test.getDisplayName() + ": failed");
			}
		});

		assertThat(outcomes).containsExactly("single head: passed", "up-down consistency: failed",
				"upgrade to heads: not run", "downgrade leaves nothing: not run");
		this.database = newDatabase(Files.createDirectories(this.temporary.resolve("second")));
		assertCheckFails(() -> checks().assertAll())
			.withMessageStartingWith("Revision a1b2c3d4e5f6 (Create users): its downgrade does not undo its upgrade.");
	}

	@Test
	void twoHeadsAreNamed() throws IOException {
		goodRevisionsAnd("d4e5f6a7b8c9", "a1b2c3d4e5f6", "Add tags", "CREATE TABLE tags (name VARCHAR(20));",
				"DROP TABLE tags;");

		assertCheckFails(() -> checks().assertSingleHead())
			.withMessageStartingWith("Expected one head revision, found 2: ")
			.withMessageContaining("c3d4e5f6a7b8 (Create posts)")
			.withMessageContaining("d4e5f6a7b8c9 (Add tags)")
			.withMessageContaining("migration merge");
	}

	@Test
	void aDowngradeThatForgetsAColumnIsNamedWithTheColumn() throws IOException {
		revision("a1b2c3d4e5f6", "none", "Create users",
				"CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);", "DROP TABLE users;");
		revision("b2c3d4e5f6a7", "a1b2c3d4e5f6", "Add nickname", "ALTER TABLE users ADD COLUMN nickname VARCHAR(40);",
				"SELECT 1;");

		assertCheckFails(() -> checks().assertUpDownConsistency())
			.withMessageStartingWith("Revision b2c3d4e5f6a7 (Add nickname): its downgrade does not undo its upgrade.")
			.withMessageContaining("\n  extra column users.nickname ")
			.withMessageContaining("40");
	}

	@Test
	void aDowngradeThatLeavesAnIndexBehindIsNamedWithTheIndex() throws IOException {
		revision("a1b2c3d4e5f6", "none", "Create users",
				"CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);", "DROP TABLE users;");
		revision("b2c3d4e5f6a7", "a1b2c3d4e5f6", "Index names and audit",
				"CREATE INDEX ix_users_name ON users (name);\nCREATE TABLE audit (id INTEGER PRIMARY KEY);",
				"DROP TABLE audit;");

		assertCheckFails(() -> checks().assertUpDownConsistency())
			.withMessageStartingWith("Revision b2c3d4e5f6a7 (Index names and audit): its downgrade does not undo")
			.withMessageContaining("\n  extra index ix_users_name on users");
	}

	@Test
	void aDowngradeToBaseThatLeavesATableAndAViewNamesThemAndTheirRevision() throws IOException {
		goodRevisionsAnd("d4e5f6a7b8c9", "c3d4e5f6a7b8", "Add audit",
				"CREATE TABLE audit (id INTEGER PRIMARY KEY, what VARCHAR(100));\n"
						+ "CREATE VIEW recent_audit AS SELECT id, what FROM audit;",
				"SELECT 1;");

		assertCheckFails(() -> checks().assertDowngradeLeavesNothing())
			.withMessageStartingWith("Downgrade from heads to base does not leave the database as it was at base "
					+ "(the engine's tables migration_version and migration_history aside):")
			.withMessageContaining(
					"\n  left behind: table audit (named in the upgrade of revision d4e5f6a7b8c9 " + "(Add audit))")
			.withMessageContaining("\n  left behind: view recent_audit ");
	}

	@Test
	void anUpgradeThatWritesAnotherSchemaTheSecondTimeIsNamedWithBothTypes() throws IOException {
		revision("a1b2c3d4e5f6", "none", "Create users",
				"CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);", "DROP TABLE users;");
		MigrationChecks checks = checks().javaRevisions(new SecondTimeDifferent());

		assertCheckFails(checks::assertUpDownConsistency)
			.withMessageStartingWith("Revision b2c3d4e5f6a7 (Add x): after downgrade and upgrade again, the schema "
					+ "differs from after its first upgrade:")
			.withMessageContaining("\n  changed column users.x: ")
			.withMessageContaining("50")
			.withMessageEndingWith("-> text");
	}

	/**
	 * An upgrade that depends on something outside the schema: here, how often it ran.
	 */
	static final class SecondTimeDifferent extends TestRevision {

		private int upgrades;

		SecondTimeDifferent() {
			super("b2c3d4e5f6a7", "a1b2c3d4e5f6", "Add x");
		}

		@Override
		public void upgrade(Operations operations) {
			this.upgrades++;
			operations.execute("ALTER TABLE users ADD COLUMN x " + ((this.upgrades == 1) ? "VARCHAR(50)" : "TEXT"));
		}

		@Override
		public void downgrade(Operations operations) {
			operations.execute("ALTER TABLE users DROP COLUMN x");
		}

	}

	@Test
	void aCheckThatGoesBackToBaseSaysWhatTheDowngradeLeftBehind() throws IOException {
		goodRevisionsAnd("d4e5f6a7b8c9", "c3d4e5f6a7b8", "Add audit", "CREATE TABLE audit (id INTEGER PRIMARY KEY);",
				"SELECT 1;");
		MigrationChecks checks = checks();
		checks.assertUpgradeToHeads();

		assertCheckFails(checks::assertUpgradeToHeads)
			.withMessageStartingWith("The upgrade to heads check starts at base, but the downgrade from "
					+ "[d4e5f6a7b8c9] to base that brings it there does not leave the database as it was at base "
					+ "before:\n  left behind: table audit (named in the upgrade of revision d4e5f6a7b8c9 "
					+ "(Add audit))");
	}

	@Test
	void aSchemaThatDiffersFromTheTargetIsNamedWithTheDifference() throws IOException {
		writeGoodRevisions();
		Path target = write(this.temporary.resolve("schema.sql"), """
				CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, email VARCHAR(120),
				    nickname VARCHAR(40));
				CREATE INDEX ix_users_email ON users (email);
				CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id),
				    title VARCHAR(200));
				""");

		assertCheckFails(() -> checks().assertMatchesTargetSchema(target))
			.withMessageStartingWith("The database at heads [c3d4e5f6a7b8] differs from the target schema " + target)
			.withMessageContaining("\n  add column users.nickname ")
			.withMessageContaining("ALTER TABLE");
	}

	@Test
	void aFailingUpgradeNamesTheRevision() throws IOException {
		goodRevisionsAnd("d4e5f6a7b8c9", "c3d4e5f6a7b8", "Broken", "ALTER TABLE no_such_table ADD COLUMN x INTEGER;",
				"SELECT 1;");

		assertCheckFails(() -> checks().assertUpgradeToHeads())
			.withMessageStartingWith("Upgrade from base to heads failed at revision d4e5f6a7b8c9: ")
			.withMessageContaining("no_such_table");
	}

	@Test
	void branchesAndAMergeAreCheckedOneRevisionAtATime() throws IOException {
		goodRevisionsAnd("e5f6a7b8c9d0", "a1b2c3d4e5f6", "Create tags", "CREATE TABLE tags (name VARCHAR(20));",
				"DROP TABLE tags;");
		revision("f6a7b8c9d0e1", "c3d4e5f6a7b8, e5f6a7b8c9d0", "Merge tags", "CREATE INDEX ix_tags ON tags (name);",
				"DROP INDEX ix_tags;");

		MigrationChecks checks = checks();
		checks.assertUpDownConsistency();

		assertThat(checks.migrations().current()).containsExactly("f6a7b8c9d0e1");
	}

	@Test
	void anIrreversibleRevisionFailsUnlessAllowed() throws IOException {
		goodRevisionsAnd("d4e5f6a7b8c9", "c3d4e5f6a7b8", "Drop titles", "ALTER TABLE posts DROP COLUMN title;", "");

		assertCheckFails(() -> checks().assertUpDownConsistency())
			.withMessageStartingWith("Revision d4e5f6a7b8c9 (Drop titles) has no downgrade")
			.withMessageContaining(".allowIrreversible(\"d4e5f6a7b8c9\")");
		// the failed check left the database above the irreversible revision, where no
		// check can go back to base
		this.database = newDatabase(Files.createDirectories(this.temporary.resolve("second")));
		MigrationChecks allowed = checks().allowIrreversible("d4e5f6a7b8c9");
		allowed.assertUpDownConsistency();
		assertThatExceptionOfType(TestAbortedException.class).isThrownBy(allowed::assertUpgradeToHeads)
			.withMessageContaining("cannot go back through the revisions allowed to be irreversible");
		assertThatExceptionOfType(TestAbortedException.class).isThrownBy(allowed::assertDowngradeLeavesNothing)
			.withMessageContaining("d4e5f6a7b8c9");
	}

	@Test
	void checksStartOverFromWhereAnotherLeftTheDatabase() throws IOException {
		writeGoodRevisions();
		MigrationChecks checks = checks();
		checks.assertUpgradeToHeads();

		checks.assertUpDownConsistency();
		checks.assertUpgradeToHeads();

		assertThat(checks.migrations().current()).containsExactly("c3d4e5f6a7b8");
	}

	MigrationChecks checks() {
		return MigrationChecks.forUrl(this.database.url(), this.database.user(), this.database.password())
			.locations("filesystem:" + this.revisions);
	}

	void writeGoodRevisions() throws IOException {
		revision("a1b2c3d4e5f6", "none", "Create users",
				"CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);", "DROP TABLE users;");
		revision("b2c3d4e5f6a7", "a1b2c3d4e5f6", "Add email",
				"ALTER TABLE users ADD COLUMN email VARCHAR(120);\nCREATE INDEX ix_users_email ON users (email);",
				"DROP INDEX ix_users_email;\nALTER TABLE users DROP COLUMN email;");
		revision("c3d4e5f6a7b8", "b2c3d4e5f6a7", "Create posts",
				"CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), "
						+ "title VARCHAR(200));",
				"DROP TABLE posts;");
	}

	/** The good revisions and one more after them (or beside them) that a test breaks. */
	void goodRevisionsAnd(String id, String down, String message, String upgrade, String downgrade) throws IOException {
		writeGoodRevisions();
		revision(id, down, message, upgrade, downgrade);
	}

	/** The check fails as a test fails, with a message that says why. */
	static ThrowableAssertAlternative<AssertionFailedError> assertCheckFails(ThrowingCallable check) {
		return assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(check);
	}

	void revision(String id, String down, String message, String upgrade, String downgrade) throws IOException {
		write(this.revisions.resolve(id + "_" + message.toLowerCase().replace(' ', '_') + ".sql"),
				"-- revision: " + id + "\n-- down_revision: " + down + "\n-- message: " + message + "\n\n-- upgrade\n"
						+ upgrade + "\n\n-- downgrade\n" + downgrade + "\n");
	}

	static Path write(Path file, String text) throws IOException {
		return Files.writeString(file, text, StandardCharsets.UTF_8);
	}

}
