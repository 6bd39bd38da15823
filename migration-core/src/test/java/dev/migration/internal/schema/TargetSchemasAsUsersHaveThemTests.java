package dev.migration.internal.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migration.internal.dialect.Dialect;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.SqliteDatabase;
import dev.migration.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.migration.internal.schema.SchemaCompareTest.apply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Target schemas as people have them: types and operator classes that extensions put in
 * {@code public}, the output of {@code pg_dump --schema-only} and of
 * {@code sqlite3 .schema} as it is, and objects beyond tables (extensions, functions,
 * triggers, views) that a generated revision must create or name in a warning.
 */
class TargetSchemasAsUsersHaveThemTests {

	@TempDir
	Path directory;

	@Test
	void typesAndOperatorClassesOfExtensionsInPublicResolveAsInTheDatabase() {
		PostgresDatabase database = PostgresDatabase.create();
		assumeTrue(available(database, "citext", "ltree", "pg_trgm"),
				"the PostgreSQL server ships no citext, ltree or pg_trgm");
		String schema = """
				CREATE TABLE pages (
				    id integer PRIMARY KEY,
				    email citext NOT NULL,
				    path ltree NOT NULL,
				    title text NOT NULL
				);
				CREATE INDEX ix_pages_path ON pages USING gist (path);
				CREATE INDEX ix_pages_title ON pages USING gin (title gin_trgm_ops);
				""";
		apply(database, "CREATE EXTENSION citext; CREATE EXTENSION ltree; CREATE EXTENSION pg_trgm;" + schema);
		assertThat(compare(database, schema).differences()).isEmpty();
		String qualified = schema.replace("citext NOT", "public.citext NOT")
			.replace("ltree NOT", "public.ltree NOT")
			.replace("gin_trgm_ops", "public.gin_trgm_ops");
		assertThat(compare(database, qualified).differences()).isEmpty();
		assertThat(compare(database, "CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;\n" + qualified)
			.differences()).isEmpty();
	}

	/**
	 * The same without extensions: a domain, a function and an operator class that an
	 * earlier statement made.
	 */
	@Test
	void typesFunctionsAndOperatorClassesOnTheDatabasesSearchPathResolve() {
		PostgresDatabase database = PostgresDatabase.create();
		database.execute("CREATE SCHEMA shared");
		database.execute("ALTER DATABASE " + database.name() + " SET search_path = \"$user\", public, shared");
		apply(database, """
				CREATE DOMAIN shared.email_address AS text CHECK (VALUE LIKE '%@%');
				CREATE FUNCTION shared.lower_email(value text) RETURNS text LANGUAGE sql IMMUTABLE
				    AS 'SELECT lower(value)';
				CREATE OPERATOR CLASS shared.text_pattern_stand_in FOR TYPE text USING btree AS
				    OPERATOR 1 ~<~ (text, text), OPERATOR 2 ~<=~ (text, text), OPERATOR 3 = (text, text),
				    OPERATOR 4 ~>=~ (text, text), OPERATOR 5 ~>~ (text, text),
				    FUNCTION 1 bttext_pattern_cmp(text, text);
				""");
		String schema = """
				CREATE TABLE people (
				    id integer PRIMARY KEY,
				    email email_address NOT NULL,
				    name text NOT NULL
				);
				CREATE INDEX ix_people_name ON people (name text_pattern_stand_in);
				CREATE INDEX ix_people_email ON people (lower_email(email));
				""";
		apply(database, schema);
		assertThat(compare(database, schema).differences()).isEmpty();
		assertThat(compare(database, schema.replace("email_address", "shared.email_address")
			.replace("text_pattern_stand_in", "shared.text_pattern_stand_in")).differences()).isEmpty();
	}

	@Test
	void pgDumpSchemaOnlyOutputIsAcceptedAsItIs() throws IOException {
		PostgresDatabase database = PostgresDatabase.create();
		assumeTrue(available(database, "citext"), "the PostgreSQL server ships no citext");
		String dump = resource("pg_dump17_schema_only.sql");
		SchemaCompare.Result fromEmpty = compare(database, dump);
		assertThat(fromEmpty.differences()).contains("add extension citext", "add table accounts", "add table notes",
				"add function touch_updated_at()", "add view account_notes", "add trigger accounts_touch on accounts");
		assertThat(fromEmpty.warnings()).isEmpty();
		applyRevision(database, fromEmpty.upgrade());
		assertThat(compare(database, dump).differences()).isEmpty();
		database.execute("INSERT INTO accounts (email) VALUES ('A@example.com')");
		database.execute("UPDATE accounts SET display_name = 'a'");
		assertThat(database.queryStrings("SELECT count(*) FROM account_notes")).containsExactly("0");
		applyRevision(database, fromEmpty.downgrade());
		assertThat(database.queryStrings("SELECT extname FROM pg_extension WHERE extname = 'citext'")).isEmpty();
		assertThat(database.queryStrings("SELECT proname FROM pg_proc WHERE proname = 'touch_updated_at'")).isEmpty();
		assertThat(compare(database, "").differences()).isEmpty();
	}

	/**
	 * A database whose tables live in {@code app}, with extensions in {@code public}: the
	 * dump says {@code app.}.
	 */
	@Test
	void aDumpOfASchemaOtherThanPublicResolvesExtensionsInPublic() {
		PostgresDatabase database = PostgresDatabase.create();
		assumeTrue(available(database, "citext"), "the PostgreSQL server ships no citext");
		database.execute("CREATE EXTENSION citext WITH SCHEMA public");
		database.execute("CREATE SCHEMA app");
		database.execute("ALTER DATABASE " + database.name() + " SET search_path = app, public");
		apply(database, "CREATE TABLE people (id serial PRIMARY KEY, email citext NOT NULL UNIQUE)");
		assertThat(database.queryStrings("SELECT count(*) FROM pg_tables WHERE schemaname = 'app'"))
			.containsExactly("1");
		String dump = """
				SELECT pg_catalog.set_config('search_path', '', false);
				CREATE SCHEMA app;
				CREATE TABLE app.people (id integer NOT NULL, email public.citext NOT NULL);
				CREATE SEQUENCE app.people_id_seq AS integer START WITH 1 INCREMENT BY 1
				    NO MINVALUE NO MAXVALUE CACHE 1;
				ALTER SEQUENCE app.people_id_seq OWNED BY app.people.id;
				ALTER TABLE ONLY app.people ALTER COLUMN id SET DEFAULT nextval('app.people_id_seq'::regclass);
				ALTER TABLE ONLY app.people ADD CONSTRAINT people_email_key UNIQUE (email);
				ALTER TABLE ONLY app.people ADD CONSTRAINT people_pkey PRIMARY KEY (id);
				""";
		assertThat(compare(database, dump).differences()).isEmpty();
	}

	/**
	 * The quote-everything style of some dump tools ({@code "public"."notes"},
	 * {@code "text"}, {@code "now"()}).
	 */
	@Test
	void aDumpWithEveryNameQuotedIsAcceptedAsItIs() {
		PostgresDatabase database = PostgresDatabase.create();
		apply(database, """
				CREATE TABLE notes (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), body text NOT NULL,
				    created_at timestamptz DEFAULT now());
				CREATE INDEX idx_notes_created_at ON notes (created_at DESC);
				""");
		String dump = """
				SET default_table_access_method = "heap";
				CREATE TABLE IF NOT EXISTS "public"."notes" (
				    "id" "uuid" DEFAULT "gen_random_uuid"() NOT NULL,
				    "body" "text" NOT NULL,
				    "created_at" timestamp with time zone DEFAULT "now"()
				);
				ALTER TABLE "public"."notes" OWNER TO "postgres";
				ALTER TABLE ONLY "public"."notes"
				    ADD CONSTRAINT "notes_pkey" PRIMARY KEY ("id");
				CREATE INDEX "idx_notes_created_at" ON "public"."notes" USING "btree" ("created_at" DESC);
				GRANT ALL ON TABLE "public"."notes" TO "anon";
				ALTER DEFAULT PRIVILEGES FOR ROLE "postgres" IN SCHEMA "public" GRANT ALL ON TABLES TO "anon";
				RESET ALL;
				""";
		assertThat(compare(database, dump).differences()).isEmpty();
	}

	@Test
	void sqliteSchemaOutputIsAcceptedAsItIs() throws Exception {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/sqlite3")), "no sqlite3 program");
		SqliteDatabase database = SqliteDatabase.in(this.directory);
		String schema = """
				CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE, created_at TEXT);
				CREATE INDEX ix_users_created ON users (created_at);
				CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), title TEXT);
				CREATE VIEW user_posts AS SELECT p.id, u.email FROM posts p JOIN users u ON u.id = p.user_id;
				CREATE TRIGGER posts_touch AFTER INSERT ON posts BEGIN
				    UPDATE users SET created_at = created_at WHERE id = NEW.user_id;
				END;
				INSERT INTO users (email) VALUES ('a');
				ANALYZE;
				""";
		apply(database, schema);
		String file = database.url().substring("jdbc:sqlite:".length());
		for (String command : List.of(".schema", ".schema --indent", ".fullschema --indent")) {
			Process process = new ProcessBuilder("/usr/bin/sqlite3", file, command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			if (command.startsWith(".schema")) {
				assertThat(output).contains("CREATE TABLE sqlite_sequence(name,seq);").contains("/* user_posts(");
			}
			assertThat(compare(database, output).differences()).as(command).isEmpty();
		}
	}

	@Test
	void postgresFunctionsTriggersViewsAndExtensionsAreGeneratedAndApply() {
		PostgresDatabase database = PostgresDatabase.create();
		assumeTrue(available(database, "pg_trgm"), "the PostgreSQL server ships no pg_trgm");
		apply(database, "CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, changed_at timestamptz);"
				+ "CREATE VIEW old_items AS SELECT id FROM items;");
		String target = """
				CREATE EXTENSION IF NOT EXISTS pg_trgm;
				CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, changed_at timestamptz);
				CREATE INDEX ix_items_name ON items USING gin (name gin_trgm_ops);
				CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    NEW.changed_at := now();
				    RETURN NEW;
				END;
				$$;
				CREATE FUNCTION item_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM items $$;
				CREATE TRIGGER items_touch BEFORE INSERT OR UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch();
				CREATE VIEW named_items AS SELECT id, upper(name) AS name FROM items WHERE name <> '';
				""";
		SchemaCompare.Result result = compare(database, target);
		assertThat(result.differences()).contains("add extension pg_trgm", "add function touch()",
				"add function item_count()", "add trigger items_touch on items", "add view named_items",
				"remove view old_items");
		applyRevision(database, result.upgrade());
		assertThat(compare(database, target).differences()).isEmpty();
		database.execute("INSERT INTO items (id, name) VALUES (1, 'a')");
		assertThat(database.queryStrings("SELECT changed_at IS NOT NULL FROM items")).containsExactly("t");
		assertThat(database.queryStrings("SELECT item_count()")).containsExactly("1");
		String changed = target.replace("upper(name)", "lower(name)")
			.replace("NEW.changed_at := now();", "NEW.changed_at := now() - interval '1 second';");
		SchemaCompare.Result change = compare(database, changed);
		assertThat(change.differences()).containsExactlyInAnyOrder("change function touch()",
				"change view named_items");
		applyRevision(database, change.upgrade());
		assertThat(compare(database, changed).differences()).isEmpty();
		applyRevision(database, change.downgrade());
		applyRevision(database, result.downgrade());
		assertThat(compare(database,
				"CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, "
						+ "changed_at timestamptz); CREATE VIEW old_items AS SELECT id FROM items;")
			.differences()).isEmpty();
	}

	/**
	 * Functions that tables use and functions that use tables, and a view over a column
	 * that changes type.
	 */
	@Test
	void postgresFunctionsAndViewsAreOrderedAroundTheTablesTheyUseOrServe() {
		PostgresDatabase database = PostgresDatabase.create();
		String before = "CREATE TABLE items (id integer PRIMARY KEY, name varchar(20) NOT NULL);"
				+ "CREATE VIEW item_names AS SELECT name FROM items;";
		apply(database, before);
		String target = """
				CREATE FUNCTION normalized(value text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT lower(value)';
				CREATE FUNCTION tag_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM tags';
				CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL CHECK (normalized(name) <> ''));
				CREATE TABLE tags (id integer PRIMARY KEY, label text NOT NULL);
				CREATE FUNCTION item_total() RETURNS bigint LANGUAGE sql
				BEGIN ATOMIC
				    SELECT count(*) FROM items;
				END;
				CREATE INDEX ix_tags_label ON tags (normalized(label));
				CREATE VIEW item_names AS SELECT name FROM items;
				""";
		SchemaCompare.Result result = compare(database, target);
		assertThat(result.differences()).contains("add function normalized(value text)", "add function tag_count()",
				"add function item_total()", "change type of items.name: character varying(20) -> text");
		assertUpgradeThenDowngrade(database, result, target, before, () -> {
			database.execute("INSERT INTO tags VALUES (1, 'A')");
			assertThat(database.queryStrings("SELECT tag_count() + item_total()")).containsExactly("1");
		});
	}

	/**
	 * A trigger on a partitioned table is one trigger: its partitions' clones come with
	 * it.
	 */
	@Test
	void aTriggerOnAPartitionedTableIsGeneratedOnce() {
		PostgresDatabase database = PostgresDatabase.create();
		String table = """
				CREATE TABLE events (id integer NOT NULL, at date NOT NULL, note text) PARTITION BY RANGE (at);
				CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
				""";
		apply(database, table);
		String target = table + """
				CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    NEW.note := coalesce(NEW.note, 'stamped');
				    RETURN NEW;
				END;
				$$;
				CREATE TRIGGER events_stamp BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION stamp();
				""";
		SchemaCompare.Result result = compare(database, target);
		assertThat(result.differences()).containsExactly("add function stamp()", "add trigger events_stamp on events");
		assertUpgradeThenDowngrade(database, result, target, table, () -> {
			database.execute("INSERT INTO events (id, at) VALUES (1, '2026-05-01')");
			assertThat(database.queryStrings("SELECT note FROM events")).containsExactly("stamped");
		});
	}

	@Test
	void sqliteTriggersAndViewsAreGeneratedAndApply() {
		SqliteDatabase database = SqliteDatabase.in(this.directory);
		apply(database, "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, changed_at TEXT);"
				+ "CREATE VIEW old_items AS SELECT id FROM items;");
		String target = """
				CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, changed_at TEXT,
				    note TEXT NOT NULL DEFAULT '');
				CREATE TABLE log (item_id INTEGER NOT NULL);
				CREATE TRIGGER items_log AFTER INSERT ON items BEGIN
				    INSERT INTO log (item_id) VALUES (NEW.id);
				END;
				CREATE VIEW named_items AS SELECT id, upper(name) AS name FROM items WHERE name <> '';
				""";
		SchemaCompare.Result result = compare(database, target);
		assertThat(result.differences()).contains("add trigger items_log on items", "add view named_items",
				"remove view old_items");
		applyRevision(database, result.upgrade());
		assertThat(compare(database, target).differences()).isEmpty();
		database.execute("INSERT INTO items (id, name) VALUES (1, 'a')");
		assertThat(database.queryStrings("SELECT count(*) FROM log")).containsExactly("1");
		// a change SQLite makes by moving and copying the table keeps the view and the
		// trigger
		String copied = target.replace("name TEXT NOT NULL,", "name TEXT NOT NULL CHECK (name <> 'x'),");
		SchemaCompare.Result copy = compare(database, copied);
		applyRevision(database, copy.upgrade());
		assertThat(compare(database, copied).differences()).isEmpty();
		applyRevision(database, copy.downgrade());
		applyRevision(database, result.downgrade());
		assertThat(
				compare(database,
						"CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
								+ "changed_at TEXT); CREATE VIEW old_items AS SELECT id FROM items;")
					.differences())
			.isEmpty();
	}

	@Test
	void enumTypesAndSequencesAreGeneratedAndWhatCannotBeIsAWarningAndADifference() {
		PostgresDatabase database = PostgresDatabase.create();
		apply(database, "CREATE TABLE t (id integer PRIMARY KEY)");
		String target = """
				CREATE TYPE mood AS ENUM ('sad', 'happy', 'nullable');
				CREATE SEQUENCE invoice_numbers AS integer START WITH 1000 INCREMENT BY 10;
				CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
				CREATE TABLE t (id integer PRIMARY KEY, feeling mood,
				    invoice integer DEFAULT nextval('invoice_numbers'));
				CREATE MATERIALIZED VIEW t_count AS SELECT count(*) AS n FROM t;
				CREATE AGGREGATE total (integer) (SFUNC = int4pl, STYPE = integer);
				""";
		SchemaCompare.Result result = compare(database, target);
		assertThat(result.differences()).contains("add type mood", "add sequence invoice_numbers",
				"add type positive (not generated: write it by hand)",
				"add materialized view t_count (not generated: write it by hand)",
				"add aggregate total(integer) (not generated: write it by hand)");
		assertThat(result.warnings()).containsExactlyInAnyOrder(
				"type positive is in the target schema but not in the database, and autogenerate cannot write it: "
						+ "add it to the revision by hand.",
				"materialized view t_count is in the target schema but not in the database, and autogenerate cannot "
						+ "write it: add it to the revision by hand.",
				"aggregate total(integer) is in the target schema but not in the database, and autogenerate cannot "
						+ "write it: add it to the revision by hand.");
		assertThat(result.upgrade())
			.contains("-- WARNING: autogenerate cannot write type positive: create it here by " + "hand.");
		assertThat(result.downgrade())
			.contains("-- WARNING: autogenerate cannot write type positive: drop it here by " + "hand.");
		applyRevision(database, result.upgrade());
		String generated = target.replace("CREATE DOMAIN positive AS integer CHECK (VALUE > 0);\n", "")
			.replace("CREATE MATERIALIZED VIEW t_count AS SELECT count(*) AS n FROM t;\n", "")
			.replace("CREATE AGGREGATE total (integer) (SFUNC = int4pl, STYPE = integer);\n", "");
		assertThat(compare(database, generated).differences()).isEmpty();
		database.execute("INSERT INTO t (id, feeling) VALUES (1, 'happy')");
		assertThat(database.queryStrings("SELECT invoice FROM t")).containsExactly("1000");
		SchemaCompare.Result changed = compare(database, generated.replace("'happy',", "'happy', 'calm',"));
		assertThat(changed.differences()).containsExactly("change type mood (not generated: write it by hand)");
		assertThat(changed.upgrade()).doesNotContain("CREATE TYPE");
		applyRevision(database, compare(database, "CREATE TABLE t (id integer PRIMARY KEY)").upgrade());
		assertThat(compare(database, "CREATE TABLE t (id integer PRIMARY KEY)").differences()).isEmpty();
	}

	/** A generated section as the engine runs a revision: in one transaction. */
	/**
	 * Applies the generated upgrade, after which the database must be the target, runs
	 * the check there, then the downgrade, after which it must be as before.
	 */
	private static void assertUpgradeThenDowngrade(TestDatabase database, SchemaCompare.Result result, String target,
			String before, Runnable onTarget) {
		applyRevision(database, result.upgrade());
		assertThat(compare(database, target).differences()).isEmpty();
		onTarget.run();
		applyRevision(database, result.downgrade());
		assertThat(compare(database, before).differences()).isEmpty();
	}

	private static void applyRevision(TestDatabase database, String sql) {
		apply(database, database.kind().equals("postgresql") ? "BEGIN;\n" + sql + "COMMIT;\n" : sql);
	}

	private static boolean available(PostgresDatabase database, String... extensions) {
		return database
			.queryStrings("SELECT count(*) FROM pg_available_extensions WHERE name = ANY (?)", (Object) extensions)
			.equals(List.of(String.valueOf(extensions.length)));
	}

	private static String resource(String name) throws IOException {
		String path = "/target-schemas/" + name;
		try (InputStream input = TargetSchemasAsUsersHaveThemTests.class.getResourceAsStream(path)) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static SchemaCompare.Result compare(TestDatabase database, String target) {
		try (Connection connection = database.connect()) {
			return SchemaCompare.compare(connection, Dialect.named(database.kind()), database::connect, target,
					"schema.sql",
					SchemaCompare.filter(List.of(), List.of(), List.of("migration_version", "migration_history")));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
