package dev.migration.internal.execute;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.migration.internal.dialect.SqliteDialect;
import dev.migration.internal.execute.VersionStore.State;
import dev.migration.support.Recording;
import dev.migration.support.SqliteDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link VersionStore#read} costs and finds on a real SQLite file, with the queries
 * it sends recorded: one query when both tables exist, one per table more only when one
 * is missing.
 */
class VersionStoreReadTests {

	@TempDir
	Path directory;

	SqliteDatabase database;

	final VersionStore store = new VersionStore(new SqliteDialect(), null, "alembic_version", "migration_history");

	final List<String> queries = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.database = SqliteDatabase.in(this.directory);
	}

	@Test
	void bothTablesCostOneQuery() throws SQLException {
		try (Connection connection = this.database.connect()) {
			this.store.createTables(connection);
		}
		this.database.execute("INSERT INTO alembic_version VALUES ('3f1c2a9b7d10')");

		State state = read();

		assertThat(this.queries).hasSize(1);
		assertThat(state.tablesExist()).isTrue();
		assertThat(state.rows()).containsExactly("3f1c2a9b7d10");
	}

	@Test
	void aVersionTableAloneIsReadWithAnEmptyHistory() throws SQLException {
		this.database.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
				+ "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
		this.database.execute("INSERT INTO alembic_version VALUES ('3f1c2a9b7d10')");

		State state = read();

		assertThat(this.queries).as("the union, then each table alone").hasSize(3);
		assertThat(state.tablesExist()).isFalse();
		assertThat(state.rows()).containsExactly("3f1c2a9b7d10");
		assertThat(state.appliedChecksums()).isEmpty();
		assertThat(state.unfinished()).isEmpty();
		assertThat(state.lastHistoryId()).isZero();
	}

	@Test
	void noTablesAreBase() throws SQLException {
		State state = read();

		assertThat(state.tablesExist()).isFalse();
		assertThat(state.rows()).isEmpty();
		assertThat(this.database.tables()).isEmpty();
	}

	private State read() throws SQLException {
		try (Connection connection = this.database.connect()) {
			return this.store.read(Recording.connection(connection, this.queries));
		}
	}

}
