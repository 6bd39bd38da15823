package dev.migration.internal.execute;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.internal.dialect.SqliteDialect;
import dev.migration.internal.execute.VersionStore.State;
import dev.migration.support.SqliteDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link VersionStore#read} costs and finds on a real SQLite file, with the queries it sends recorded: one
 * query when both tables exist, one per table more only when one is missing.
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
			return this.store.read(recording(connection));
		}
	}

	/** The connection, with the SQL of every query its statements execute written down. */
	private Connection recording(Connection connection) {
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					Object result = invoke(connection, method, args);
					if (result instanceof Statement statement && method.getName().equals("createStatement")) {
						return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Statement.class },
								(statementProxy, statementMethod, statementArgs) -> {
									if (statementMethod.getName().startsWith("execute") && statementArgs != null
											&& statementArgs.length > 0 && statementArgs[0] instanceof String sql) {
										this.queries.add(sql);
									}
									return invoke(statement, statementMethod, statementArgs);
								});
					}
					return result;
				});
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
