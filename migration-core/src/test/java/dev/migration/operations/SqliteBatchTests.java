package dev.migration.operations;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.JavaRevision;
import dev.migration.MigrationConfiguration;
import dev.migration.Migrations;
import dev.migration.RevisionFailedException;
import dev.migration.support.SqliteDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SQLite's move-and-copy: what ALTER TABLE cannot do keeps the rows, constraints, indexes and triggers of the table,
 * and a foreign key violation rolls the whole step back.
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
		JavaRevision revision = new JavaRevision() {

			@Override
			public String id() {
				return "b1";
			}

			@Override
			public List<String> downRevisions() {
				return List.of();
			}

			@Override
			public void upgrade(Operations operations) {
				upgrade.accept(operations);
			}

		};
		return Migrations.create(MigrationConfiguration.builder()
			.url(url)
			.locations("filesystem:" + this.temporary)
			.javaRevisions(revision)
			.build());
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
		assertThat(sql).contains("age INTEGER NOT NULL DEFAULT 0", "COLLATE NOCASE",
				"REFERENCES teams (id) ON DELETE CASCADE", "CONSTRAINT ck_users_age CHECK (age >= 0)",
				"UNIQUE (name, team_id)")
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
		assertThat(this.database.queryStrings("SELECT id || ':' || name || ':' || IFNULL(team_id, '-') || ':' || age "
				+ "FROM users ORDER BY id")).containsExactly("1:ada:1:36", "2:bob:2:17", "3:cy:-:0");
		assertThat(this.database.queryStrings("SELECT name FROM sqlite_master WHERE tbl_name = 'users' AND type IN "
				+ "('index', 'trigger') ORDER BY name")).contains("ix_users_age", "users_audit");
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
			.isThrownBy(() -> migrations(this.database.url(), (operations) -> operations.alterColumn("users", "age",
					ColumnChange.to().nullable(false).existingNullable(true)))
				.upgrade("heads"))
			.withMessageContaining("NOT NULL");
		assertThat(tableSql("users")).isEqualTo(before);
		assertThat(this.database.count("SELECT COUNT(*) FROM users")).isEqualTo(3);
		assertThat(this.database.queryStrings("SELECT name FROM sqlite_master WHERE name LIKE '_migration%'")).isEmpty();
	}

	@Test
	void addingAForeignKeyThatRowsViolateRollsTheStepBackWhenForeignKeysAreOn() {
		this.database.execute("INSERT INTO posts (id, user_id, title) VALUES (3, 99, 'orphan')");
		String before = tableSql("posts");
		Migrations migrations = migrations(this.database.url() + "?foreign_keys=true",
				(operations) -> operations.createForeignKey("fk_posts_author", "posts", List.of("user_id"), "users",
						List.of("id")));
		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageContaining("FOREIGN KEY");
		assertThat(tableSql("posts")).isEqualTo(before);
		assertThat(this.database.count("SELECT COUNT(*) FROM posts")).isEqualTo(3);
		assertThat(migrations.current()).isEmpty();
	}

	@Test
	void addingAForeignKeyKeepsTheRowsWhenTheyHoldIt() {
		Migrations migrations = migrations(this.database.url() + "?foreign_keys=true",
				(operations) -> operations.createForeignKey("fk_posts_author", "posts", List.of("user_id"), "users",
						List.of("id"), ReferentialAction.CASCADE, null));
		migrations.upgrade("heads");
		assertThat(tableSql("posts")).contains(
				"CONSTRAINT fk_posts_author FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE",
				"CONSTRAINT fk_posts_user REFERENCES users (id) ON DELETE SET NULL");
		assertThat(this.database.count("SELECT COUNT(*) FROM posts")).isEqualTo(2);
	}

	@Test
	void aReferencedTableIsNotCopiedInsideATransactionWithForeignKeysOn() {
		Migrations migrations = migrations(this.database.url() + "?foreign_keys=true",
				(operations) -> operations.dropColumn("users", "age"));
		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageContaining("posts");
		assertThat(this.database.count("SELECT COUNT(*) FROM posts")).isEqualTo(2);
		assertThat(this.database.count("SELECT COUNT(*) FROM users")).isEqualTo(3);
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

}
