package dev.migration.internal.schema;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import dev.migration.MigrationException;
import dev.migration.internal.dialect.PostgresDialect;
import dev.migration.support.PostgresDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code check} and autogenerate apply the target schema inside the live PostgreSQL
 * database: whatever the target says, they must never lock or change the database's own
 * relations. Another session holds an ACCESS EXCLUSIVE lock on the live table the whole
 * time, so any lock the comparison asked for on it would block: every comparison here
 * must end (refused with file and line, or with the statement left out) and leave the
 * table as it was.
 */
class TargetNeverReachesTheDatabaseTests {

	private static final Duration LIMIT = Duration.ofSeconds(10);

	@Test
	void alterTableOfTheDatabaseIsRefusedWithFileAndLineWithoutLockingIt() throws Exception {
		PostgresDatabase database = liveTable();
		String target = "CREATE TABLE other (id integer);\nALTER TABLE live_table ADD COLUMN extra text;\n";
		assertThat(refusal(database, target)).contains("schema.sql:2")
			.contains("live_table")
			.doesNotContain("lock timeout");
		assertUntouched(database);
	}

	@Test
	void createIndexOnATableOfTheDatabaseIsRefusedWithoutLockingIt() throws Exception {
		PostgresDatabase database = liveTable();
		assertThat(refusal(database, "\n\nCREATE INDEX ix_live ON live_table (name);")).contains("schema.sql:3")
			.contains("live_table")
			.doesNotContain("lock timeout");
		assertThat(refusal(database, "CREATE INDEX ix_live ON public.live_table (name);")).contains("schema.sql:1")
			.contains("live_table");
		assertUntouched(database);
	}

	@Test
	void renameOfATableOfTheDatabaseIsRefused() throws Exception {
		PostgresDatabase database = liveTable();
		assertThat(refusal(database, "ALTER TABLE live_table RENAME TO old_table;\nCREATE TABLE live_table (id int);"))
			.contains("schema.sql:1")
			.contains("live_table");
		assertUntouched(database);
	}

	/**
	 * A table of another schema, named with its schema: refused before the statement
	 * runs.
	 */
	@Test
	void aTableOfAnotherSchemaNamedWithItsSchemaIsRefusedBeforeItRuns() throws Exception {
		PostgresDatabase database = liveTable();
		database.execute("CREATE SCHEMA audit; CREATE TABLE audit.entries (id integer PRIMARY KEY)");
		String target = "CREATE TABLE live_table (id integer PRIMARY KEY, name text NOT NULL);\n"
				+ "ALTER TABLE audit.entries ADD COLUMN extra text;\n";
		try (Connection holder = holdExclusiveLock(database, "audit.entries")) {
			String message = assertTimeoutPreemptively(LIMIT, () -> refusalMessage(database, target));
			assertThat(message).contains("schema.sql:2").contains("audit.entries").doesNotContain("lock timeout");
		}
		assertThat(database.queryStrings("SELECT count(*) FROM information_schema.columns "
				+ "WHERE table_schema = 'audit' AND table_name = 'entries'"))
			.containsExactly("1");
	}

	/**
	 * A name built at run time in a DO block escapes the stand-ins: a DDL lock on the
	 * table refuses the target after the statement and rolls it back; while another
	 * session holds the table, the wait is cut short by lock_timeout.
	 */
	@Test
	void aTableNamedInADoBlockAtRunTimeIsRefusedAndRolledBack() throws Exception {
		PostgresDatabase database = liveTable();
		String target = "DO $$ BEGIN EXECUTE 'ALTER TABLE live_' || 'table ADD COLUMN extra text'; END $$;";
		assertThat(refusalMessage(database, target)).contains("schema.sql:1 reaches public.live_table")
			.contains("rolled back");
		assertUntouched(database);
		assertThat(refusal(database, target)).contains("schema.sql:1")
			.contains("lock timeout")
			.contains("waited for a lock");
		assertUntouched(database);
	}

	/**
	 * A DROP of what the target did not create is pg_dump --clean's (or a migration
	 * history's): it is left out, never run; a DROP of what the target created runs.
	 */
	@Test
	void dropOfATableOfTheDatabaseIsLeftOutAndDropOfTheTargetsOwnRuns() throws Exception {
		PostgresDatabase database = liveTable();
		String target = """
				DROP TABLE live_table;
				DROP TABLE IF EXISTS public.live_table CASCADE;
				ALTER TABLE IF EXISTS ONLY live_table DROP CONSTRAINT live_table_pkey;
				CREATE TABLE scratch_only (id integer);
				CREATE INDEX ix_scratch_only ON scratch_only (id);
				DROP INDEX ix_scratch_only;
				DROP TABLE scratch_only;
				""";
		assertDifferencesWhileLocked(database, target, "remove table live_table");
	}

	/**
	 * The same table created by the target (a dump of the database itself) is the
	 * target's own.
	 */
	@Test
	void theTargetsOwnTableOfTheSameNameIsAlteredAndIndexed() throws Exception {
		PostgresDatabase database = liveTable();
		String target = """
				CREATE TABLE public.live_table (id integer NOT NULL, name text);
				ALTER TABLE ONLY public.live_table ADD CONSTRAINT live_table_pkey PRIMARY KEY (id);
				ALTER TABLE ONLY public.live_table ALTER COLUMN name SET NOT NULL;
				CREATE INDEX ix_live ON public.live_table USING btree (name);
				""";
		assertDifferencesWhileLocked(database, target, "add index ix_live on live_table (name)");
	}

	/**
	 * Behind a pooler that hands out a server session per transaction (PgBouncer's
	 * transaction mode), the stand-ins stay in the session that made them: the comparison
	 * must stop rather than run the target without them. The pooler here is a connection
	 * that moves to a second real session at its first commit.
	 */
	@Test
	void aConnectionThatChangesServerSessionsIsRefusedBeforeTheTargetRuns() throws Exception {
		PostgresDatabase database = liveTable();
		SchemaCompare.Connections pooled = () -> sessionPerTransaction(database.connect(), database.connect());
		try (Connection holder = holdExclusiveLock(database, "live_table"); Connection live = database.connect()) {
			String message = assertTimeoutPreemptively(LIMIT,
					() -> assertThatThrownBy(() -> SchemaCompare.compare(live, new PostgresDialect(), pooled,
							"ALTER TABLE live_table ADD COLUMN extra text;", "schema.sql",
							SchemaCompare.filter(List.of(), List.of(), List.of())))
						.isInstanceOf(MigrationException.class)
						.actual()
						.getMessage());
			assertThat(message).contains("changed server sessions").contains("Nothing was run or changed");
		}
		assertUntouched(database);
	}

	/**
	 * A connection that is the first session until its first commit, the second one after
	 * it.
	 */
	private static Connection sessionPerTransaction(Connection first, Connection second) {
		Connection[] current = { first };
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
					try {
						Object result = method.invoke(current[0], arguments);
						if (method.getName().equals("commit")) {
							current[0] = second;
						}
						if (method.getName().equals("close")) {
							first.close();
							second.close();
						}
						return result;
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private static PostgresDatabase liveTable() {
		PostgresDatabase database = PostgresDatabase.create();
		database.execute("CREATE TABLE live_table (id integer PRIMARY KEY, name text NOT NULL); "
				+ "INSERT INTO live_table VALUES (1, 'one')");
		return database;
	}

	/**
	 * The comparison's message, while another session holds an ACCESS EXCLUSIVE lock on
	 * the live table.
	 */
	private static String refusal(PostgresDatabase database, String target) throws Exception {
		try (Connection holder = holdExclusiveLock(database, "live_table")) {
			return assertTimeoutPreemptively(LIMIT, () -> refusalMessage(database, target));
		}
	}

	private static String refusalMessage(PostgresDatabase database, String target) {
		String message = assertThatThrownBy(() -> compare(database, target)).isInstanceOf(MigrationException.class)
			.actual()
			.getMessage();
		return message;
	}

	private static Connection holdExclusiveLock(PostgresDatabase database, String table) throws SQLException {
		Connection holder = database.connect();
		holder.setAutoCommit(false);
		try (Statement statement = holder.createStatement()) {
			statement.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
		}
		return holder;
	}

	/**
	 * Same columns, row and indexes; and, with the comparison over, nobody holds a lock
	 * on it.
	 */
	private static void assertUntouched(PostgresDatabase database) throws SQLException {
		assertThat(database.queryStrings("SELECT column_name FROM information_schema.columns "
				+ "WHERE table_schema = 'public' AND table_name = 'live_table' ORDER BY ordinal_position"))
			.containsExactly("id", "name");
		assertThat(database.queryStrings("SELECT name FROM live_table")).containsExactly("one");
		assertThat(database.queryStrings("SELECT indexname FROM pg_indexes WHERE tablename = 'live_table'"))
			.containsExactly("live_table_pkey");
		assertThat(database.queryStrings("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
				+ "WHERE c.relname = 'live_table'"))
			.containsExactly("0");
		try (Connection other = database.connect(); Statement statement = other.createStatement()) {
			other.setAutoCommit(false);
			statement.execute("LOCK TABLE live_table IN ACCESS EXCLUSIVE MODE NOWAIT");
			other.rollback();
		}
	}

	private static SchemaCompare.Result compare(PostgresDatabase database, String target) throws SQLException {
		try (Connection connection = database.connect()) {
			return SchemaCompare.compare(connection, new PostgresDialect(), database::connect, target, "schema.sql",
					SchemaCompare.filter(List.of(), List.of(), List.of("migration_version", "migration_history")));
		}
	}

	/**
	 * Compares while another session holds the live table's exclusive lock, so that a
	 * comparison that touched the table would hang, then checks the database is as
	 * before.
	 */
	private static void assertDifferencesWhileLocked(PostgresDatabase database, String target, String... expected)
			throws Exception {
		try (Connection holder = holdExclusiveLock(database, "live_table")) {
			List<String> differences = assertTimeoutPreemptively(LIMIT, () -> compare(database, target).differences());
			assertThat(differences).containsExactly(expected);
		}
		assertUntouched(database);
	}

}
