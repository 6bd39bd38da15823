package dev.migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.internal.revision.SqlStatement;
import dev.migration.internal.source.SqlSyntax;
import dev.migration.internal.source.StatementSplitter;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.SqliteDatabase;
import dev.migration.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan rendered as a script, run by the database as it is, leaves the same schema and version rows as an online
 * upgrade.
 */
class OfflineScriptTests {

	@TempDir
	Path temporary;

	private static Migrations offline(String dialect) {
		return Migrations.create(MigrationConfiguration.builder().locations("classpath:db/seed").dialect(dialect)
			.build());
	}

	private static Migrations online(TestDatabase database) {
		return Migrations.create(MigrationConfiguration.builder()
			.url(database.url())
			.user(database.user())
			.password(database.password())
			.locations("classpath:db/seed")
			.build());
	}

	@Test
	void sqliteScriptFromBaseToHeadsMatchesAnOnlineUpgrade() throws Exception {
		assertScriptMatchesOnline("sqlite", new SqliteDatabase(this.temporary.resolve("script.db")),
				new SqliteDatabase(this.temporary.resolve("online.db")));
	}

	@Test
	void postgresScriptFromBaseToHeadsMatchesAnOnlineUpgrade() throws Exception {
		assertScriptMatchesOnline("postgresql", PostgresDatabase.create(), PostgresDatabase.create());
	}

	@Test
	void scriptWrapsEachStepInItsOwnTransactionWithItsBookkeeping() {
		Migrations migrations = offline("postgresql");
		Plan plan = migrations.plan(Direction.UPGRADE, List.of("9a8b7c6d5e4f"), List.of(), false);

		String script = migrations.script(plan, "dba");

		assertThat(script).contains("CREATE TABLE IF NOT EXISTS \"migration_version\"");
		assertThat(script.split("BEGIN;", -1)).hasSize(3);
		assertThat(script.split("COMMIT;", -1)).hasSize(3);
		assertThat(script).contains("INSERT INTO \"migration_version\" (version_num) VALUES ('1a2b3c4d5e6f')");
		assertThat(script).contains(
				"UPDATE \"migration_version\" SET version_num = '9a8b7c6d5e4f' WHERE version_num = '1a2b3c4d5e6f'");
		assertThat(script).contains("'dba'");
	}

	private void assertScriptMatchesOnline(String dialect, TestDatabase scripted, TestDatabase live)
			throws Exception {
		Migrations migrations = offline(dialect);
		String script = migrations.script(migrations.plan(Direction.UPGRADE, List.of("heads"), List.of(), false),
				"dba");
		try (Connection connection = scripted.connect(); Statement statement = connection.createStatement()) {
			if (dialect.equals("postgresql")) {
				statement.execute(script);
			}
			else {
				// sqlite-jdbc runs one statement per call: split the script as the sqlite3 shell would
				for (SqlStatement each : StatementSplitter.statements(SqlSyntax.SQLITE, "script", script, 1)) {
					statement.execute(each.sql());
				}
			}
		}
		online(live).upgrade("heads");

		assertThat(scripted.schema()).isEqualTo(live.schema()).isNotEmpty();
		assertThat(scripted.queryStrings("SELECT version_num FROM migration_version"))
			.isEqualTo(live.queryStrings("SELECT version_num FROM migration_version"));
		assertThat(online(scripted).validate()).isEmpty();
		assertThat(online(scripted).upgrade("heads").steps()).isEmpty();
	}

}
