package dev.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.migration.cli.Cli.Result;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.SqliteDatabase;
import dev.migration.support.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.migration.cli.Cli.POSTS;
import static dev.migration.cli.Cli.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check} and {@code revision --autogenerate} over the seed revisions, on SQLite
 * and PostgreSQL.
 */
class AutogenerateCommandsTest {

	/** The first target schema, and where the test comes back to. */
	private static final String AUTHORS_AND_BOOKS = """
			CREATE TABLE authors (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(80));
			CREATE TABLE books (
			    id INTEGER NOT NULL PRIMARY KEY,
			    author_id INTEGER,
			    title VARCHAR(200) NOT NULL,
			    CONSTRAINT ck_books_title CHECK (length(title) > 0)
			);
			CREATE INDEX ix_books_title ON books (title);
			""";

	/** The seed's schema at its head, written as one desired-state file. */
	static final String SEED_SCHEMA = """
			CREATE TABLE users (
			    id INTEGER NOT NULL PRIMARY KEY,
			    username VARCHAR(50) NOT NULL,
			    email VARCHAR(120) NOT NULL,
			    is_active BOOLEAN NOT NULL DEFAULT TRUE,
			    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
			    email_verified BOOLEAN NOT NULL DEFAULT FALSE,
			    email_verified_at TIMESTAMP
			);
			CREATE UNIQUE INDEX ix_users_username ON users (username);
			CREATE UNIQUE INDEX ix_users_email ON users (email);
			CREATE TABLE teams (
			    id INTEGER NOT NULL PRIMARY KEY,
			    name VARCHAR(100) NOT NULL UNIQUE
			);
			CREATE TABLE team_members (
			    team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
			    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
			    PRIMARY KEY (team_id, user_id)
			);
			CREATE TABLE posts (
			    id INTEGER NOT NULL PRIMARY KEY,
			    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
			    title VARCHAR(200) NOT NULL,
			    body TEXT
			);
			CREATE INDEX ix_posts_user_id ON posts (user_id);
			""";

	/**
	 * Adds a column, a table with a foreign key and an index, drops an index, widens a
	 * column of a table with rows.
	 */
	static final String CHANGED_SCHEMA = SEED_SCHEMA
		.replace("    email_verified_at TIMESTAMP\n", "    email_verified_at TIMESTAMP,\n    nickname VARCHAR(40)\n")
		.replace("CREATE INDEX ix_posts_user_id ON posts (user_id);\n", "")
		.replace("name VARCHAR(100) NOT NULL UNIQUE", "name VARCHAR(150) NOT NULL UNIQUE") + """
				CREATE TABLE tags (
				    id INTEGER NOT NULL PRIMARY KEY,
				    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
				    label VARCHAR(30) NOT NULL
				);
				CREATE INDEX ix_tags_post_id ON tags (post_id);
				""";

	@TempDir
	Path directory;

	private Cli cli(String kind) {
		TestDatabase database = kind.equals("sqlite") ? SqliteDatabase.in(this.directory) : PostgresDatabase.create();
		return Cli.withSeed(this.directory).database(database.url(), database.user(), database.password());
	}

	private void writeSchema(String text) {
		try {
			Files.writeString(this.directory.resolve("schema.sql"), text);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<Path> revisionFiles(Cli cli) throws IOException {
		try (Stream<Path> files = Files.list(cli.revisions)) {
			return files.sorted().toList();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "sqlite", "postgresql" })
	void aMatchingSchemaHasNothingToCheckNorToGenerate(String kind) throws IOException {
		Cli cli = cli(kind);
		assertThat(cli.run("upgrade", "heads").exitCode()).isZero();
		writeSchema(SEED_SCHEMA);
		Result check = cli.run("check");
		assertThat(check.exitCode()).as(check.err()).isZero();
		assertThat(check.out()).isEqualTo("No new upgrade operations detected.\n");
		List<Path> before = revisionFiles(cli);
		Result revision = cli.run("revision", "-m", "Nothing", "--autogenerate");
		assertThat(revision.exitCode()).as(revision.err()).isZero();
		assertThat(revision.out()).isEqualTo("No changes in schema detected.\n");
		assertThat(revisionFiles(cli)).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sqlite", "postgresql" })
	void checkListsEachDifferenceAndFails(String kind) {
		Cli cli = cli(kind);
		cli.run("upgrade", "heads");
		Path target = this.directory.resolve("elsewhere.sql");
		writeSchema(SEED_SCHEMA);
		try {
			Files.writeString(target, CHANGED_SCHEMA);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Result check = cli.run("check", "--target-schema", target.toString());
		assertThat(check.exitCode()).isEqualTo(1);
		assertThat(check.lines()).contains("add table tags", "remove index ix_posts_user_id on posts");
		assertThat(check.lines()).anyMatch((line) -> line.startsWith("add column users.nickname "));
		assertThat(check.lines()).anyMatch((line) -> line.startsWith("change type of teams.name: "));
		assertThat(check.lines()).hasSize(4);
		assertThat(check.err()).startsWith("FAILED: New upgrade operations detected (4).").hasLineCount(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sqlite", "postgresql" })
	void anAutogeneratedRevisionBringsTheDatabaseToTheTargetAndBack(String kind) throws IOException {
		Cli cli = cli(kind);
		cli.run("upgrade", "heads");
		writeSchema(CHANGED_SCHEMA);
		Result revision = cli.run("revision", "-m", "Sync schema", "--autogenerate");
		assertThat(revision.exitCode()).as(revision.err()).isZero();
		assertThat(revision.out()).startsWith("Generating ").endsWith("_sync_schema.sql ... done\n");
		assertThat(revision.err()).contains("Detected add table tags");
		Path file = Path.of(revision.out().substring("Generating ".length(), revision.out().indexOf(" ... done")));
		String text = Files.readString(file);
		assertThat(text).contains("-- down_revision: " + POSTS)
			.contains("-- message: Sync schema")
			.contains("CREATE TABLE tags")
			.contains("DROP INDEX ix_posts_user_id")
			.contains("DROP TABLE tags;");
		assertThat(text.indexOf("-- upgrade")).isLessThan(text.indexOf("-- downgrade"));

		Result upgrade = cli.run("upgrade", "heads");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		Result check = cli.run("check");
		assertThat(check.exitCode()).as(check.out()).isZero();
		assertThat(check.out()).isEqualTo("No new upgrade operations detected.\n");
		Result rows = cli.run("check", "--target-schema", this.directory.resolve("schema.sql").toString());
		assertThat(rows.exitCode()).isZero();

		Result downgrade = cli.run("downgrade", "-1");
		assertThat(downgrade.exitCode()).as(downgrade.err()).isZero();
		assertThat(cli.run("current").out()).isEqualTo(POSTS + "\n");
		writeSchema(SEED_SCHEMA);
		// below heads now, check refuses; without the new revision the seed's head is
		// heads again
		Result refused = cli.run("check");
		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.err()).startsWith("FAILED: The database is not at heads: current " + POSTS);
		Files.delete(file);
		Result back = cli.run("check");
		assertThat(back.exitCode()).as(back.out() + back.err()).isZero();
		assertThat(back.out()).isEqualTo("No new upgrade operations detected.\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "sqlite", "postgresql" })
	void fromAnEmptyDatabaseRevisionAfterRevisionFollowsTheTarget(String kind) throws IOException {
		TestDatabase database = kind.equals("sqlite") ? SqliteDatabase.in(this.directory) : PostgresDatabase.create();
		Path revisions = this.directory.resolve("db/revisions");
		Files.createDirectories(revisions);
		Cli cli = new Cli(revisions).database(database.url(), database.user(), database.password());
		Path target = this.directory.resolve("db/schema.sql");
		Files.writeString(target, AUTHORS_AND_BOOKS);
		Result first = cli.run("revision", "-m", "Initial", "--autogenerate");
		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(Files.readString(revisionFiles(cli).get(0))).contains("-- down_revision: none");
		assertThat(cli.run("upgrade", "heads").exitCode()).isZero();
		database.execute("INSERT INTO authors (id, name) VALUES (1, 'Ann')");
		database.execute("INSERT INTO books (id, author_id, title) VALUES (1, 1, 'First')");
		assertThat(cli.run("check").out()).isEqualTo("No new upgrade operations detected.\n");

		Files.writeString(target, """
				CREATE TABLE authors (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(80) NOT NULL, born DATE);
				CREATE TABLE books (
				    id INTEGER NOT NULL PRIMARY KEY,
				    author_id INTEGER REFERENCES authors (id) ON DELETE SET NULL,
				    title VARCHAR(200) NOT NULL,
				    CONSTRAINT ck_books_title CHECK (length(title) > 0)
				);
				""");
		Result second = cli.run("revision", "-m", "Authors and books", "--autogenerate");
		assertThat(second.exitCode()).as(second.err()).isZero();
		assertThat(second.err()).contains("Detected add column authors.born",
				"Detected change nullability of " + "authors.name: NULL -> NOT NULL",
				"Detected remove index ix_books_title on books",
				"Detected add foreign key on books (author_id) -> authors (id) ON DELETE SET NULL");
		Result upgrade = cli.run("upgrade", "heads");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		assertThat(cli.run("check").exitCode()).isZero();
		assertThat(database.queryStrings("SELECT title FROM books WHERE author_id = 1")).containsExactly("First");

		assertThat(cli.run("downgrade", "-1").exitCode()).isZero();
		Path newest = revisionFiles(cli).stream()
			.filter((file) -> file.toString().contains("authors_and_books"))
			.findFirst()
			.orElseThrow();
		Files.delete(newest);
		Files.writeString(target, AUTHORS_AND_BOOKS);
		Result back = cli.run("check");
		assertThat(back.exitCode()).as(back.out()).isZero();
		assertThat(database.count("SELECT count(*) FROM books")).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sqlite", "postgresql" })
	void autogenerateRefusesADatabaseBelowHeads(String kind) throws IOException {
		Cli cli = cli(kind);
		cli.run("upgrade", TEAMS);
		writeSchema(CHANGED_SCHEMA);
		List<Path> before = revisionFiles(cli);
		Result revision = cli.run("revision", "-m", "Too early", "--autogenerate");
		assertThat(revision.exitCode()).isEqualTo(1);
		assertThat(revision.err())
			.startsWith("FAILED: The database is not at heads: current " + TEAMS + ", heads " + POSTS
					+ ". Nothing was generated.")
			.hasLineCount(1);
		assertThat(revisionFiles(cli)).isEqualTo(before);
	}

	/**
	 * Objects beyond tables: what autogenerate writes applies, what it cannot write is a
	 * warning, never silence.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "sqlite", "postgresql" })
	void triggersViewsAndFunctionsAreGeneratedAndWhatCannotBeIsAWarning(String kind) throws IOException {
		Cli cli = cli(kind);
		cli.run("upgrade", "heads");
		String objects = kind.equals("sqlite") ? """
				CREATE TABLE audit (user_id INTEGER NOT NULL);
				CREATE TRIGGER users_audit AFTER INSERT ON users BEGIN
				    INSERT INTO audit (user_id) VALUES (NEW.id);
				END;
				CREATE VIEW active_users AS SELECT id, username FROM users WHERE is_active;
				""" : """
				CREATE TABLE audit (user_id INTEGER NOT NULL);
				CREATE FUNCTION users_audit() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    INSERT INTO audit (user_id) VALUES (NEW.id);
				    RETURN NEW;
				END;
				$$;
				CREATE TRIGGER users_audit AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION users_audit();
				CREATE VIEW active_users AS SELECT id, username FROM users WHERE is_active;
				CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
				""";
		writeSchema(SEED_SCHEMA + objects);
		Result revision = cli.run("revision", "-m", "Audit", "--autogenerate");
		assertThat(revision.exitCode()).as(revision.err()).isZero();
		assertThat(revision.err()).contains("Detected add trigger users_audit on users",
				"Detected add view active_users");
		Path file = Path.of(revision.out().substring("Generating ".length(), revision.out().indexOf(" ... done")));
		String text = Files.readString(file);
		assertThat(text).contains("CREATE TRIGGER users_audit").contains("DROP VIEW active_users;");
		if (kind.equals("postgresql")) {
			assertThat(revision.err()).contains("Detected add function users_audit()")
				.contains("WARNING: type positive is in the target schema but not in the database, and autogenerate "
						+ "cannot write it: add it to the revision by hand.");
			assertThat(text).contains("-- WARNING: autogenerate cannot write type positive: create it here by hand.")
				.contains("CREATE OR REPLACE FUNCTION users_audit()")
				.contains("DROP FUNCTION users_audit();");
		}
		else {
			assertThat(revision.err()).doesNotContain("WARNING");
		}
		Result upgrade = cli.run("upgrade", "heads");
		assertThat(upgrade.exitCode()).as(upgrade.err()).isZero();
		Result check = cli.run("check");
		if (kind.equals("postgresql")) {
			assertThat(check.exitCode()).isEqualTo(1);
			assertThat(check.lines()).containsExactly("add type positive (not generated: write it by hand)");
			assertThat(check.err()).contains("WARNING: type positive is in the target schema");
			writeSchema(SEED_SCHEMA + objects.replace("CREATE DOMAIN positive AS integer CHECK (VALUE > 0);\n", ""));
			check = cli.run("check");
		}
		assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
		assertThat(check.out()).isEqualTo("No new upgrade operations detected.\n");
		Result downgrade = cli.run("downgrade", "-1");
		assertThat(downgrade.exitCode()).as(downgrade.err()).isZero();
		Files.delete(file);
		writeSchema(SEED_SCHEMA);
		assertThat(cli.run("check").exitCode()).isZero();
	}

}
