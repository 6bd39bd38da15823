package dev.migration.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migration.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick check that runs in every build: ten revisions, written for every tool, give
 * the same schema with each of them, an upgrade at head applies nothing, and status
 * reports all ten applied. The benchmark itself runs only on demand (see
 * docs/benchmarks.md).
 */
class WorkloadSmokeTests {

	private static final int REVISIONS = 10;

	/** The tools' own bookkeeping tables, left out of the comparison. */
	private static final Set<String> BOOKKEEPING = Set.of("raw_version", "migration_version", "migration_history",
			"flyway_schema_history", "databasechangelog", "databasechangeloglock");

	private static EmbeddedPostgres postgres;

	@TempDir
	static Path temporary;

	private static Path workload;

	@BeforeAll
	static void writeWorkloadAndStartPostgres() throws IOException {
		workload = Workload.write(temporary.resolve("workload"), REVISIONS);
		postgres = EmbeddedPostgres.builder().start();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		postgres.close();
	}

	@Test
	void everyToolBuildsTheSameSchemaOnSqlite() throws Exception {
		List<String> reference = null;
		for (Tool tool : Tool.values()) {
			Target target = new Target("sqlite", "jdbc:sqlite:" + temporary.resolve(tool.name() + ".db"), null, null);
			List<String> schema = runAll(tool, target);
			if (reference == null) {
				reference = schema;
				assertThat(reference).contains("t_1", "t_9.extra_10 varchar YES", "t_10.index ix_t_10_name");
			}
			assertThat(schema).as(tool.title()).isEqualTo(reference);
		}
	}

	@Test
	void everyToolBuildsTheSameSchemaOnPostgres() throws Exception {
		List<String> reference = null;
		for (Tool tool : Tool.values()) {
			String name = "smoke_" + tool.name().toLowerCase(Locale.ROOT);
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + name);
			}
			List<String> schema = runAll(tool,
					new Target("postgresql", postgres.getJdbcUrl("postgres", name), "postgres", null));
			if (reference == null) {
				reference = schema;
				assertThat(reference).contains("t_1", "t_9.extra_10 varchar YES", "t_10.index ix_t_10_name");
			}
			assertThat(schema).as(tool.title()).isEqualTo(reference);
		}
	}

	private static List<String> runAll(Tool tool, Target target) throws Exception {
		int applied = tool.run(Operation.COLD, target, workload);
		if (applied >= 0) {
			assertThat(applied).as(tool.title() + " cold apply").isEqualTo(REVISIONS);
		}
		int again = tool.run(Operation.UP_TO_DATE, target, workload);
		if (again >= 0) {
			assertThat(again).as(tool.title() + " up to date").isZero();
		}
		assertThat(tool.run(Operation.STATUS, target, workload)).as(tool.title() + " status").isEqualTo(REVISIONS);
		return schema(target);
	}

	/**
	 * Tables, {@code table.column type nullability} and {@code table.index name} lines,
	 * sorted.
	 */
	private static List<String> schema(Target target) throws SQLException {
		try (Connection connection = target.connect()) {
			return TestDatabase.schema(connection, target.kind(),
					(table) -> BOOKKEEPING.contains(table) || table.startsWith("sqlite_"));
		}
	}

}
