package dev.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.migration.support.Concurrently;
import dev.migration.support.DatabaseTests;
import org.junit.jupiter.api.Test;

import static dev.migration.MigrationsExecutionTests.CHAIN;
import static dev.migration.MigrationsExecutionTests.POSTS;
import static dev.migration.MigrationsExecutionTests.TEAMS;
import static dev.migration.MigrationsExecutionTests.USERS;
import static dev.migration.MigrationsExecutionTests.VERIFICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A database that Alembic versioned: its schema at a revision, an {@code alembic_version}
 * table exactly as Alembic creates it with that revision's row, and no history table
 * (CONTRACT §3). Every command reads it as if the history table were there and empty; the
 * first write creates the history table and leaves the version table as it is. Each
 * subclass names the database and the schema the tables live in.
 */
abstract class VersionTableOnlyTests extends DatabaseTests {

	VersionTableOnlyTests() {
		super(true);
	}

	static final String VERSION_TABLE = "alembic_version";

	static final String HISTORY_TABLE = "migration_history";

	/** The schema of the two tables, or {@code null} for the connection's default. */
	abstract String schema();

	/** Creates {@link #schema()} where the database needs that. */
	void createSchema() {
	}

	/** Whether the table exists in {@link #schema()}. */
	abstract boolean tableExists(String table);

	/**
	 * The version table's columns and constraints as the database describes them, to show
	 * nobody altered it.
	 */
	abstract List<String> versionTableDefinition();

	/** The name of a table as SQL needs it, in the schema. */
	String qualified(String table) {
		return (schema() == null) ? table : schema() + "." + table;
	}

	@Override
	protected Migrations migrations() {
		return migrations(MigrationConfiguration.builder().schema(schema()).versionTable(VERSION_TABLE));
	}

	/**
	 * The database as Alembic leaves it at {@code revision}: the schema the revisions
	 * make (built here with tables of other names, dropped afterwards), then
	 * {@code alembic_version} with Alembic's own DDL and one row.
	 */
	void versionedByAlembicAt(String revision) {
		Migrations
			.create(MigrationConfiguration.builder()
				.url(this.database.url())
				.user(this.database.user())
				.password(this.database.password())
				.locations("filesystem:" + this.revisions)
				.versionTable("scratch_version")
				.historyTable("scratch_history")
				.build())
			.upgrade(revision);
		if (schema() != null) {
			createSchema();
		}
		this.database.execute("DROP TABLE scratch_version");
		this.database.execute("DROP TABLE scratch_history");
		this.database.execute("CREATE TABLE " + qualified(VERSION_TABLE) + " (version_num VARCHAR(32) NOT NULL, "
				+ "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
		this.database.execute("INSERT INTO " + qualified(VERSION_TABLE) + " (version_num) VALUES ('" + revision + "')");
	}

	/** The tables the revisions make, without the version table Alembic made. */
	List<String> revisionTables() {
		return this.database.tables().stream().filter((table) -> !table.equals(VERSION_TABLE)).toList();
	}

	List<String> versionRows() {
		return this.database.queryStrings("SELECT version_num FROM " + qualified(VERSION_TABLE));
	}

	List<String> history() {
		return this.database.queryStrings("SELECT direction || ' ' || COALESCE(revision, 'base') FROM "
				+ qualified(HISTORY_TABLE) + " ORDER BY id");
	}

	@Test
	void readsSeeTheRowAndCreateNothing() {
		versionedByAlembicAt(TEAMS);
		List<String> definition = versionTableDefinition();
		Migrations migrations = migrations();

		assertThat(migrations.current()).containsExactly(TEAMS);
		assertThat(migrations.history(10)).isEmpty();
		assertThat(migrations.unfinished()).isEmpty();
		assertThat(migrations.validate()).isEmpty();
		assertThat(migrations.plan(Direction.UPGRADE, List.of("heads")).steps()).extracting(Step::revision)
			.containsExactly(POSTS);
		assertThat(migrations.plan(Direction.DOWNGRADE, List.of("-1")).steps()).extracting(Step::revision)
			.containsExactly(TEAMS);
		assertThat(migrations.upgrade(TEAMS).steps()).as("already there").isEmpty();
		assertThat(tableExists(HISTORY_TABLE)).isFalse();
		assertThat(versionTableDefinition()).isEqualTo(definition);
	}

	@Test
	void upgradeRunsOnlyWhatIsAboveTheRowAndCreatesTheHistoryTableOnly() {
		versionedByAlembicAt(TEAMS);
		List<String> definition = versionTableDefinition();

		MigrationResult result = migrations().upgrade("heads");

		assertThat(result.steps()).extracting(Step::revision).containsExactly(POSTS);
		assertThat(versionRows()).containsExactly(POSTS);
		assertThat(history()).containsExactly("upgrade " + POSTS);
		assertThat(versionTableDefinition()).as("alembic_version as Alembic made it")
			.isEqualTo(definition)
			.anySatisfy((line) -> assertThat(line).contains("alembic_version_pkc"));
		assertThat(revisionTables()).contains("posts", "teams");
	}

	@Test
	void downgradeRevertsFromTheRowTheTableHolds() {
		versionedByAlembicAt(TEAMS);
		Migrations migrations = migrations();

		MigrationResult result = migrations.downgrade("-1");

		assertThat(result.steps()).extracting(Step::revision).containsExactly(TEAMS);
		assertThat(versionRows()).containsExactly(VERIFICATION);
		assertThat(revisionTables()).doesNotContain("teams", "team_members").contains("users");
		assertThat(history()).containsExactly("downgrade " + TEAMS);
	}

	@Test
	void downgradeToBaseRevertsEverythingAndKeepsTheVersionTable() {
		versionedByAlembicAt(POSTS);
		List<String> definition = versionTableDefinition();

		MigrationResult result = migrations().downgrade("base");

		List<String> reverted = new ArrayList<>(CHAIN);
		Collections.reverse(reverted);
		assertThat(result.steps()).extracting(Step::revision).containsExactlyElementsOf(reverted);
		assertThat(versionRows()).isEmpty();
		assertThat(revisionTables()).isEmpty();
		assertThat(versionTableDefinition()).isEqualTo(definition);
	}

	@Test
	void stampBaseRemovesTheRow() {
		versionedByAlembicAt(TEAMS);

		migrations().stamp(List.of("base"), false);

		assertThat(versionRows()).isEmpty();
		assertThat(history()).containsExactly("stamp base");
		assertThat(revisionTables()).as("a stamp runs nothing").contains("teams");
	}

	@Test
	void stampMovesTheRowDownAndUp() {
		versionedByAlembicAt(TEAMS);
		Migrations migrations = migrations();

		migrations.stamp(List.of(USERS), false);
		assertThat(versionRows()).containsExactly(USERS);

		migrations.stamp(List.of(POSTS), false);
		assertThat(versionRows()).containsExactly(POSTS);
		assertThat(history()).containsExactly("stamp " + USERS, "stamp " + POSTS);
	}

	@Test
	void aRowNoRevisionDeclaresIsRefusedNotTakenForBase() {
		versionedByAlembicAt(TEAMS);
		this.database.execute("UPDATE " + qualified(VERSION_TABLE) + " SET version_num = 'ae1027a6acf'");
		Migrations migrations = migrations();

		assertThatExceptionOfType(UnknownRevisionException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageContaining("ae1027a6acf")
			.withMessageContaining("(table " + qualified(VERSION_TABLE) + ")");
		assertThatExceptionOfType(UnknownRevisionException.class).isThrownBy(() -> migrations.downgrade("-1"));
		assertThat(tableExists(HISTORY_TABLE)).isFalse();

		migrations.stamp(List.of(TEAMS), true);
		assertThat(versionRows()).containsExactly(TEAMS);
	}

	@Test
	void checksumsAreComparedOnlyForRevisionsWithAnUpgradeRow() throws IOException {
		versionedByAlembicAt(TEAMS);
		Migrations before = migrations();
		before.upgrade("heads");
		// a revision Alembic applied may differ from the file (ported by hand); one
		// applied here may not
		edit("3f1c2a9b7d10_create_teams.sql", "-- one team per name", "-- a team's name is unique");
		edit("7d2e41c0b9aa_create_posts.sql", "-- upgrade", "-- upgrade\nCREATE TABLE extra (id INTEGER);");
		Migrations migrations = migrations();

		assertThat(migrations.validate()).extracting(ChecksumMismatch::revision).containsExactly(POSTS);
		assertThatExceptionOfType(ChecksumMismatchException.class).isThrownBy(() -> migrations.downgrade("-1"));
	}

	@Test
	void aNonTransactionalRevisionFailingHalfWayIsMarkedInTheHistoryTableItsClaimCreated() throws IOException {
		writeTwoTables(
				"CREATE TABLE first_half (id INTEGER);\nINSERT INTO no_such_table VALUES (1);\n"
						+ "CREATE TABLE second_half (id INTEGER);\n",
				"DROP TABLE second_half;\nDROP TABLE first_half;\n");
		versionedByAlembicAt(POSTS);
		Migrations migrations = migrations();

		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageContaining("no_such_table")
			.withMessageContaining("not transactional")
			.withMessageContaining("'stamp " + POSTS + "' if you undid what it did")
			.withMessageContaining(qualified(VERSION_TABLE) + " still says " + POSTS)
			.withMessageContaining("marked unfinished in " + qualified(HISTORY_TABLE));
		assertThat(versionRows()).containsExactly(POSTS);
		assertThat(migrations.unfinished()).singleElement().satisfies((unfinished) -> {
			assertThat(unfinished.revision()).isEqualTo("d1d1d1d1d1d1");
			assertThat(unfinished.direction()).isEqualTo(Direction.UPGRADE);
			assertThat(unfinished.failed()).isTrue();
		});
		assertThatExceptionOfType(UnfinishedRevisionException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageContaining("d1d1d1d1d1d1 (upgrade, not transactional)");
		assertThatExceptionOfType(UnfinishedRevisionException.class).isThrownBy(() -> migrations.downgrade("-1"));

		// undone by hand, then stamped to where it started
		this.database.execute("DROP TABLE first_half");
		migrations.stamp(List.of(POSTS), false);
		assertThat(migrations.unfinished()).isEmpty();
		assertThat(versionRows()).containsExactly(POSTS);
	}

	@Test
	void fourThreadsApplyEachRevisionOnceWhileTheFirstWriteCreatesTheHistoryTable() throws Exception {
		Files.writeString(this.revisions.resolve("d2d2d2d2d2d2_outside.sql"), """
				-- revision: d2d2d2d2d2d2
				-- down_revision: 7d2e41c0b9aa
				-- message: Outside a transaction
				-- transactional: false

				-- upgrade
				CREATE TABLE outside (id INTEGER);

				-- downgrade
				DROP TABLE outside;
				""");
		versionedByAlembicAt(TEAMS);
		int applied = 0;
		for (MigrationResult done : Concurrently.upgrade(4, this::migrations)) {
			assertThat(done.currentRows()).containsExactly("d2d2d2d2d2d2");
			applied += done.steps().size();
		}
		assertThat(applied).isEqualTo(2);
		assertThat(history()).containsExactly("upgrade " + POSTS, "upgrade d2d2d2d2d2d2");
		assertThat(versionRows()).containsExactly("d2d2d2d2d2d2");
		assertThat(migrations().unfinished()).isEmpty();
	}

	private void edit(String file, String find, String replacement) throws IOException {
		Path path = this.revisions.resolve(file);
		String text = Files.readString(path);
		assertThat(text).contains(find);
		Files.writeString(path, text.replace(find, replacement));
	}

}
