package dev.migration.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.PooledConnection;

import dev.migration.JavaRevision;
import dev.migration.MigrationConfiguration;
import dev.migration.Migrations;
import dev.migration.RevisionFailedException;
import dev.migration.support.SqliteDatabase;
import dev.migration.support.TestRevision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import org.sqlite.javax.SQLiteConnectionPoolDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SQLite's move-and-copy: what ALTER TABLE cannot do keeps the rows, constraints, indexes
 * and triggers of the table, and a foreign key violation rolls the whole step back.
 */
class SqliteBatchTests {

	@TempDir
	Path temporary;

	SqliteDatabase database;

	@BeforeEach
	void setUp() {
		this.database = SqliteDatabase.in(this.temporary);
		this.database.execute("CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
		this.database.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT COLLATE NOCASE, "
				+ "team_id INTEGER REFERENCES teams (id) ON DELETE CASCADE, age INTEGER, "
				+ "CONSTRAINT ck_users_age CHECK (age >= 0), UNIQUE (name, team_id)) STRICT");
		this.database.execute("CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL "
				+ "CONSTRAINT fk_posts_user REFERENCES users (id) ON DELETE SET NULL, title TEXT)");
		this.database.execute("CREATE INDEX ix_users_age ON users (age) WHERE age > 10");
		this.database.execute("CREATE TABLE audit (what TEXT)");
		this.database.execute("CREATE TRIGGER users_audit AFTER UPDATE ON users BEGIN "
				+ "INSERT INTO audit (what) VALUES ('updated ' || new.name); END");
		this.database.execute("CREATE VIEW adults AS SELECT name FROM users WHERE age >= 18");
		this.database.execute("INSERT INTO teams (id, name) VALUES (1, 'core'), (2, 'web')");
		this.database.execute("INSERT INTO users (id, name, team_id, age) VALUES (1, 'ada', 1, 36), (2, 'bob', 2, 17), "
				+ "(3, 'cy', NULL, NULL)");
		this.database.execute("INSERT INTO posts (id, user_id, title) VALUES (1, 1, 'hello'), (2, 2, NULL)");
	}

	Migrations migrations(String url, Consumer<Operations> upgrade) {
		JavaRevision revision = TestRevision.of("b1", null, upgrade::accept);
		return Migrations.create(MigrationConfiguration.builder()
			.url(url)
			.locations("filesystem:" + this.temporary)
			.javaRevisions(revision)
			.build());
	}

	/**
	 * A reversible revision on the one connection of {@code kept}, as a pooled DataSource
	 * hands it out.
	 */
	Migrations migrations(KeptConnection kept, Consumer<Operations> upgrade, Consumer<Operations> downgrade) {
		JavaRevision revision = TestRevision.of("b1", null, upgrade::accept, downgrade::accept);
		return Migrations.create(MigrationConfiguration.builder()
			.dataSource(kept)
			.locations("filesystem:" + this.temporary)
			.javaRevisions(revision)
			.build());
	}

	/**
	 * A table whose rows go with their user (ON DELETE CASCADE): the rows a careless copy
	 * of users would lose.
	 * @return the row counts with the comments, to compare with after a step
	 */
	List<Long> createComments() {
		this.database.execute("CREATE TABLE comments (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL "
				+ "REFERENCES users (id) ON DELETE CASCADE, body TEXT)");
		this.database.execute("INSERT INTO comments (id, user_id, body) VALUES (1, 1, 'a'), (2, 1, 'b'), (3, 2, 'c')");
		return rowCounts();
	}

	/** The database's URL asking for foreign keys, as an application that wants them. */
	String foreignKeysOn() {
		return this.database.url() + "?foreign_keys=true";
	}

	List<Long> rowCounts() {
		List<Long> counts = new ArrayList<>();
		for (String table : List.of("teams", "users", "posts", "comments")) {
			counts.add(this.database.count("SELECT COUNT(*) FROM " + table));
		}
		return counts;
	}

	/**
	 * A hand-written (or generated) move-and-copy of {@code users} that drops its
	 * {@code age} column.
	 */
	Migrations sqlCopyOfUsers(KeptConnection kept, String pragma, String more) throws IOException {
		Files.writeString(this.temporary.resolve("s1_copy_users.sql"), """
				-- revision: s1
				-- down_revision: none
				-- message: Copy users without age

				-- upgrade
				%s
				DROP VIEW adults;
				CREATE TABLE _new_users (id INTEGER PRIMARY KEY, name TEXT COLLATE NOCASE,
				    team_id INTEGER REFERENCES teams (id) ON DELETE CASCADE, UNIQUE (name, team_id)) STRICT;
				INSERT INTO _new_users (id, name, team_id) SELECT id, name, team_id FROM users;
				DROP TABLE users;
				ALTER TABLE _new_users RENAME TO users;
				""".formatted(pragma) + more);
		return Migrations.create(
				MigrationConfiguration.builder().dataSource(kept).locations("filesystem:" + this.temporary).build());
	}

	@Test
	void aSqlRevisionThatSaysForeignKeysOffCopiesAReferencedTableWithoutFiringItsChildrensActions() throws Exception {
		List<Long> counts = createComments();
		String url = foreignKeysOn();
		try (KeptConnection kept = new KeptConnection(url)) {
			// inside the step's transaction the PRAGMA itself is a no-op: the engine
			// switches them off before BEGIN
			sqlCopyOfUsers(kept, "PRAGMA foreign_keys = OFF;", "PRAGMA foreign_keys = ON;\n").upgrade("heads");
			assertThat(kept.foreignKeys()).isEqualTo(1);
		}
		assertThat(tableSql("users")).doesNotContain("age");
		// with foreign keys on, DROP TABLE users would have deleted every comment
		// (CASCADE) and refused on posts
		assertThat(rowCounts()).isEqualTo(counts);
		assertThat(this.database.queryStrings("SELECT user_id || ':' || body FROM comments ORDER BY id"))
			.containsExactly("1:a", "1:b", "2:c");
		assertThat(this.database.queryStrings("SELECT user_id FROM posts ORDER BY id")).containsExactly("1", "2");
		assertThat(this.database.queryStrings("PRAGMA foreign_key_check")).isEmpty();
		assertOrphansAreRefused(url);
	}

	@Test
	void aSqlRevisionThatLeavesAnOrphanWithForeignKeysOffIsRolledBack() throws Exception {
		List<Long> counts = createComments();
		String users = tableSql("users");
		try (KeptConnection kept = new KeptConnection(foreignKeysOn())) {
			Migrations migrations = sqlCopyOfUsers(kept, "pragma Foreign_Keys=off;",
					"DELETE FROM users WHERE id = 2;\n");
			assertUpgradeRolledBack(kept, migrations, "s1", "comments", "rolled back");
		}
		assertThat(tableSql("users")).isEqualTo(users);
		assertThat(rowCounts()).isEqualTo(counts);
	}

	/**
	 * The upgrade fails with all the message parts, nothing is current afterwards and the
	 * kept connection still enforces foreign keys.
	 */
	private static void assertUpgradeRolledBack(KeptConnection kept, Migrations migrations, String... message)
			throws SQLException {
		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageContainingAll(message);
		assertThat(migrations.current()).isEmpty();
		assertThat(kept.foreignKeys()).isEqualTo(1);
	}

	/**
	 * Whether a connection that asked for foreign keys enforces them: an orphan comment
	 * is refused.
	 */
	static void assertOrphansAreRefused(String url) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.execute("INSERT INTO comments (id, user_id, body) VALUES (99, 99, 'x')"))
				.withMessageContaining("FOREIGN KEY constraint failed");
		}
	}

	static long foreignKeys(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("PRAGMA foreign_keys")) {
			result.next();
			return result.getLong(1);
		}
	}

	String tableSql(String table) {
		return this.database.queryStrings("SELECT sql FROM sqlite_master WHERE name = ?", table).get(0);
	}

	@Test
	void alterColumnKeepsRowsConstraintsIndexesTriggersViewsAndStrict() {
		this.database.execute("UPDATE users SET age = 0 WHERE age IS NULL");
		migrations(this.database.url(), (operations) -> operations.alterColumn("users", "age",
				ColumnChange.to().nullable(false).serverDefault(ServerDefault.number(0)).existingNullable(true)))
			.upgrade("heads");
		String sql = tableSql("users");
		assertThat(sql)
			.contains("age INTEGER NOT NULL DEFAULT 0", "COLLATE NOCASE", "REFERENCES teams (id) ON DELETE CASCADE",
					"CONSTRAINT ck_users_age CHECK (age >= 0)", "UNIQUE (name, team_id)")
			.endsWith("STRICT");
		assertThat(this.database.count("SELECT COUNT(*) FROM users")).isEqualTo(3);
	}

	@Test
	void alterColumnCopiesEveryRow() {
		this.database.execute("UPDATE users SET age = 0 WHERE age IS NULL");
		this.database.execute("DELETE FROM audit");
		migrations(this.database.url(), (operations) -> operations.alterColumn("users", "age",
				ColumnChange.to().nullable(false).existingNullable(true)))
			.upgrade("heads");
		assertThat(this.database.queryStrings(
				"SELECT id || ':' || name || ':' || IFNULL(team_id, '-') || ':' || age " + "FROM users ORDER BY id"))
			.containsExactly("1:ada:1:36", "2:bob:2:17", "3:cy:-:0");
		assertThat(this.database.queryStrings("SELECT name FROM sqlite_master WHERE tbl_name = 'users' AND type IN "
				+ "('index', 'trigger') ORDER BY name"))
			.contains("ix_users_age", "users_audit");
		assertThat(this.database.queryStrings("SELECT name FROM adults")).containsExactly("ada");
		this.database.execute("UPDATE users SET age = 40 WHERE id = 2");
		assertThat(this.database.queryStrings("SELECT what FROM audit")).containsExactly("updated bob");
		assertThat(this.database.queryStrings("PRAGMA foreign_key_check")).isEmpty();
		assertThat(this.database.count("SELECT COUNT(*) FROM posts")).isEqualTo(2);
	}

	@Test
	void alterColumnThatRowsViolateRollsTheStepBack() {
		String before = tableSql("users");
		assertThatExceptionOfType(RevisionFailedException.class)
			.isThrownBy(() -> migrations(this.database.url(),
					(operations) -> operations.alterColumn("users", "age",
							ColumnChange.to().nullable(false).existingNullable(true)))
				.upgrade("heads"))
			.withMessageContaining("NOT NULL");
		assertThat(tableSql("users")).isEqualTo(before);
		assertThat(this.database.count("SELECT COUNT(*) FROM users")).isEqualTo(3);
		assertThat(this.database.queryStrings("SELECT name FROM sqlite_master WHERE name LIKE '_migration%'"))
			.isEmpty();
	}

	@Test
	void addingAForeignKeyThatRowsViolateRollsTheStepBackWhenForeignKeysAreOn() {
		this.database.execute("INSERT INTO posts (id, user_id, title) VALUES (3, 99, 'orphan')");
		String before = tableSql("posts");
		Migrations migrations = migrations(foreignKeysOn(), (operations) -> operations
			.createForeignKey("fk_posts_author", "posts", List.of("user_id"), "users", List.of("id")));
		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageContaining("FOREIGN KEY");
		assertThat(tableSql("posts")).isEqualTo(before);
		assertThat(this.database.count("SELECT COUNT(*) FROM posts")).isEqualTo(3);
		assertThat(migrations.current()).isEmpty();
	}

	@Test
	void addingAForeignKeyKeepsTheRowsWhenTheyHoldIt() {
		Migrations migrations = migrations(foreignKeysOn(),
				(operations) -> operations.createForeignKey("fk_posts_author", "posts", List.of("user_id"), "users",
						List.of("id"), ReferentialAction.CASCADE, null));
		migrations.upgrade("heads");
		assertThat(tableSql("posts")).contains(
				"CONSTRAINT fk_posts_author FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE",
				"CONSTRAINT fk_posts_user REFERENCES users (id) ON DELETE SET NULL");
		assertThat(this.database.count("SELECT COUNT(*) FROM posts")).isEqualTo(2);
	}

	@Test
	void aReferencedTableIsCopiedWithForeignKeysOnAndEveryRowThatReferencesItStays() throws SQLException {
		List<Long> counts = createComments();
		String url = foreignKeysOn();
		try (KeptConnection kept = new KeptConnection(url)) {
			assertThat(kept.foreignKeys()).isEqualTo(1);
			migrations(kept, (operations) -> {
				operations.dropColumn("users", "age");
				operations.createCheckConstraint("ck_teams_name", "teams", "length(name) > 0");
				operations.alterColumn("teams", "name",
						ColumnChange.to().serverDefault(ServerDefault.literal("unnamed")));
			}, (operations) -> {
			}).upgrade("heads");
			assertThat(kept.foreignKeys()).isEqualTo(1);
		}
		assertThat(tableSql("users")).doesNotContain("age");
		assertThat(tableSql("teams")).contains("CONSTRAINT ck_teams_name CHECK (length(name) > 0)",
				"DEFAULT 'unnamed'");
		assertThat(rowCounts()).isEqualTo(counts);
		assertThat(this.database.queryStrings("SELECT user_id || ':' || body FROM comments ORDER BY id"))
			.containsExactly("1:a", "1:b", "2:c");
		assertThat(this.database.queryStrings("PRAGMA foreign_key_check")).isEmpty();
		assertOrphansAreRefused(url);
	}

	@Test
	void anOrphanFoundAfterCopyingAReferencedTableRollsTheWholeStepBack() throws SQLException {
		createComments();
		// written without foreign keys, as SQLite allows
		this.database.execute("INSERT INTO comments (id, user_id, body) VALUES (4, 42, 'orphan')");
		List<Long> counts = rowCounts();
		String users = tableSql("users");
		String teams = tableSql("teams");
		try (KeptConnection kept = new KeptConnection(foreignKeysOn())) {
			Migrations migrations = migrations(kept, (operations) -> {
				operations.dropColumn("users", "age");
				operations.createCheckConstraint("ck_teams_name", "teams", "length(name) > 0");
			}, (operations) -> {
			});
			assertUpgradeRolledBack(kept, migrations, "FOREIGN KEY constraint failed after copying table users",
					"1 row(s) of comments (rowid 4) reference no row of users", "rolled back");
		}
		assertThat(tableSql("users")).isEqualTo(users);
		assertThat(tableSql("teams")).isEqualTo(teams);
		assertThat(rowCounts()).isEqualTo(counts);
		assertThat(this.database.queryStrings("SELECT name FROM sqlite_master WHERE name LIKE '_migration%'"))
			.isEmpty();
	}

	@Test
	void rowsOrphanedInAStepThatCopiesATableRollTheWholeStepBack() throws SQLException {
		List<Long> counts = createComments();
		String users = tableSql("users");
		try (KeptConnection kept = new KeptConnection(foreignKeysOn())) {
			// foreign keys are off for the whole step: the DELETE neither cascades nor is
			// refused, the check sees it
			Migrations migrations = migrations(kept, (operations) -> {
				operations.dropColumn("users", "age");
				operations.execute("DELETE FROM users WHERE id = 2");
			}, (operations) -> {
			});
			assertUpgradeRolledBack(kept, migrations, "PRAGMA foreign_key_check found",
					"1 row(s) of posts (rowid 2) reference no row of users",
					"1 row(s) of comments (rowid 3) reference no row of users",
					"The step was rolled back; the database is still at base");
		}
		assertThat(tableSql("users")).isEqualTo(users);
		assertThat(rowCounts()).isEqualTo(counts);
	}

	@Test
	void upgradeAndDowngradeOfAReferencedTableKeepEveryRow() throws SQLException {
		List<Long> counts = createComments();
		List<Long> duringSteps = new ArrayList<>();
		try (KeptConnection kept = new KeptConnection(foreignKeysOn())) {
			Migrations migrations = migrations(kept, (operations) -> {
				operations.createCheckConstraint("ck_users_name", "users", "length(name) > 0");
				operations.alterColumn("users", "name", ColumnChange.to().nullable(false).existingNullable(true));
				duringSteps.add(foreignKeys(operations));
			}, (operations) -> {
				operations.alterColumn("users", "name", ColumnChange.to().nullable(true).existingNullable(false));
				operations.dropConstraint("ck_users_name", "users");
				duringSteps.add(foreignKeys(operations));
			});
			migrations.upgrade("heads");
			assertThat(tableSql("users")).contains("name TEXT COLLATE NOCASE NOT NULL",
					"CONSTRAINT ck_users_name CHECK (length(name) > 0)");
			assertThat(rowCounts()).isEqualTo(counts);
			assertThat(kept.foreignKeys()).isEqualTo(1);
			migrations.downgrade("base");
			assertThat(migrations.current()).isEmpty();
			assertThat(kept.foreignKeys()).isEqualTo(1);
		}
		assertThat(duringSteps).containsExactly(0L, 0L);
		assertThat(tableSql("users")).contains("name TEXT COLLATE NOCASE,").doesNotContain("ck_users_name", "NOT NULL");
		assertThat(rowCounts()).isEqualTo(counts);
		assertThat(this.database.queryStrings("SELECT user_id || ':' || body FROM comments ORDER BY id"))
			.containsExactly("1:a", "1:b", "2:c");
		assertThat(this.database.queryStrings("PRAGMA foreign_key_check")).isEmpty();
	}

	@Test
	void aStepThatCopiesNothingKeepsForeignKeysOnAndItsDeletesCascade() throws SQLException {
		createComments();
		this.database.execute("INSERT INTO comments (id, user_id, body) VALUES (4, 3, 'd')");
		try (KeptConnection kept = new KeptConnection(foreignKeysOn())) {
			migrations(kept, (operations) -> operations.execute("DELETE FROM users WHERE id = 3"), (operations) -> {
			}).upgrade("heads");
		}
		assertThat(this.database.queryStrings("SELECT id FROM comments ORDER BY id")).containsExactly("1", "2", "3");
	}

	@Test
	void aCopyOfAReferencedTableAfterConnectionIsRefusedAndSaysWhy() throws SQLException {
		List<Long> counts = List.of(this.database.count("SELECT COUNT(*) FROM users"),
				this.database.count("SELECT COUNT(*) FROM posts"));
		try (KeptConnection kept = new KeptConnection(foreignKeysOn())) {
			// recording stops at connection(), so nothing tells the engine beforehand
			// that the step copies users
			Migrations migrations = migrations(kept, (operations) -> {
				foreignKeys(operations);
				operations.dropColumn("users", "age");
			}, (operations) -> {
			});
			assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrations.upgrade("heads"))
				.withMessageContaining("tables posts reference it")
				.withMessageContaining("Call the operation before connection()");
			assertThat(kept.foreignKeys()).isEqualTo(1);
		}
		assertThat(List.of(this.database.count("SELECT COUNT(*) FROM users"),
				this.database.count("SELECT COUNT(*) FROM posts")))
			.isEqualTo(counts);
	}

	@Test
	void dropColumnTakesItsConstraintsAndIndexesWithIt() {
		migrations(this.database.url(), (operations) -> operations.dropColumn("users", "age")).upgrade("heads");
		assertThat(tableSql("users")).doesNotContain("age").contains("UNIQUE (name, team_id)");
		assertThat(this.database.queryStrings("SELECT name FROM sqlite_master WHERE name = 'ix_users_age'")).isEmpty();
		assertThat(this.database.count("SELECT COUNT(*) FROM users")).isEqualTo(3);
		assertThat(this.database.count("SELECT COUNT(*) FROM posts")).isEqualTo(2);
	}

	@Test
	void dropConstraintRemovesANamedColumnConstraintAndATableConstraint() {
		migrations(this.database.url(), (operations) -> {
			operations.dropConstraint("fk_posts_user", "posts");
			operations.dropConstraint("ck_users_age", "users");
		}).upgrade("heads");
		assertThat(tableSql("posts")).doesNotContain("REFERENCES");
		assertThat(tableSql("users")).doesNotContain("CHECK");
		this.database.execute("INSERT INTO users (id, name, age) VALUES (4, 'neg', -1)");
		assertThat(this.database.count("SELECT COUNT(*) FROM posts")).isEqualTo(2);
	}

	static long foreignKeys(Operations operations) {
		try {
			return foreignKeys(operations.connection());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One connection handed out again and again, as a pool does, so the test sees what
	 * the engine left on it.
	 */
	static final class KeptConnection extends SQLiteDataSource implements AutoCloseable {

		private final PooledConnection pooled;

		KeptConnection(String url) throws SQLException {
			SQLiteConnectionPoolDataSource source = new SQLiteConnectionPoolDataSource();
			source.setUrl(url);
			this.pooled = source.getPooledConnection();
		}

		@Override
		public Connection getConnection() throws SQLException {
			return this.pooled.getConnection();
		}

		long foreignKeys() throws SQLException {
			try (Connection connection = this.pooled.getConnection()) {
				return SqliteBatchTests.foreignKeys(connection);
			}
		}

		@Override
		public void close() throws SQLException {
			this.pooled.close();
		}

	}

}
