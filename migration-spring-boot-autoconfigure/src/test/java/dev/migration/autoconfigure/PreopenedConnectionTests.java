package dev.migration.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Properties;
import java.sql.DriverManager;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PreopenedConnection}: handed out once, only for a pool that opens the same session, and closed
 * when nobody took it.
 */
class PreopenedConnectionTests {

	@TempDir
	Path directory;

	@Test
	void theFirstConnectionOfAMatchingPoolIsThePreopenedOneAndTheRestAreThePools() throws Exception {
		String url = url();
		PreopenedConnection preopened = PreopenedConnection.open(url, null, null, Map.of());
		Connection early = preopened.opening().get();
		try (HikariDataSource pool = pool(url)) {
			DataSource dataSource = preopened.firstConnectionOf(pool);
			assertThat(dataSource).isNotSameAs(pool);
			try (Connection first = dataSource.getConnection()) {
				assertThat(first).isSameAs(early);
				assertThat(pool.isRunning()).isFalse();
			}
			assertThat(early.isClosed()).isTrue();
			try (Connection second = dataSource.getConnection()) {
				assertThat(second).isNotSameAs(early);
				assertThat(pool.isRunning()).isTrue();
			}
		}
	}

	@Test
	void aPoolThatChangesItsSessionsOrConnectsElsewhereIsUsedAsItIs() throws Exception {
		String url = url();
		PreopenedConnection preopened = PreopenedConnection.open(url, null, null, Map.of());
		try (HikariDataSource initSql = pool(url); HikariDataSource elsewhere = pool(url + "-other");
				HikariDataSource otherUser = pool(url)) {
			initSql.setConnectionInitSql("PRAGMA foreign_keys = ON");
			otherUser.setUsername("someone");
			assertThat(preopened.firstConnectionOf(initSql)).isSameAs(initSql);
			assertThat(preopened.firstConnectionOf(elsewhere)).isSameAs(elsewhere);
			assertThat(preopened.firstConnectionOf(otherUser)).isSameAs(otherUser);
			SimpleDriverDataSource notAPool = new SimpleDriverDataSource(new org.sqlite.JDBC(), url);
			assertThat(preopened.firstConnectionOf(notAPool)).isSameAs(notAPool);
		}
		preopened.discard();
	}

	@Test
	void isHandedOutOnce() throws Exception {
		PreopenedConnection preopened = PreopenedConnection.open(url(), null, null, Map.of());
		try (Connection connection = preopened.poll(10_000)) {
			assertThat(connection).isNotNull();
			assertThat(preopened.poll(10_000)).isNull();
		}
	}

	@Test
	void isClosedWhenNobodyTookIt() throws Exception {
		PreopenedConnection preopened = PreopenedConnection.open(url(), null, null, Map.of());
		Connection connection = preopened.opening().get();
		preopened.discard();
		assertThat(connection.isClosed()).isTrue();
		assertThat(preopened.poll(10_000)).isNull();
	}

	@Test
	void aConnectionThatCouldNotBeOpenedIsLeftToThePool() {
		PreopenedConnection preopened = PreopenedConnection.start("jdbc:sqlite:x", null, null, new Properties(), () -> {
			throw new java.sql.SQLException("no such database");
		});
		assertThat(preopened.poll(10_000)).isNull();
	}

	@Test
	void theDriverPropertiesArePartOfTheSession() throws Exception {
		String url = url();
		PreopenedConnection preopened = PreopenedConnection.open(url, null, null, Map.of("foreign_keys", "true"));
		try (HikariDataSource same = pool(url); HikariDataSource other = pool(url); HikariDataSource none = pool(url)) {
			same.addDataSourceProperty("foreign_keys", "true");
			other.addDataSourceProperty("foreign_keys", "false");
			assertThat(preopened.firstConnectionOf(other)).isSameAs(other);
			assertThat(preopened.firstConnectionOf(none)).isSameAs(none);
			try (Connection connection = preopened.firstConnectionOf(same).getConnection();
					ResultSet result = connection.createStatement().executeQuery("PRAGMA foreign_keys")) {
				assertThat(connection).isSameAs(preopened.opening().get());
				assertThat(result.next()).isTrue();
				assertThat(result.getInt(1)).isEqualTo(1);
			}
		}
	}

	@Test
	void isOnlyOpenedForAFileOrServerDatabaseTheEngineKnows() throws Exception {
		Files.createFile(this.directory.resolve("app.db"));
		assertThat(PreopenedConnection.isWorthOpening("jdbc:postgresql://localhost/app")).isTrue();
		assertThat(PreopenedConnection.isWorthOpening(url())).isTrue();
		assertThat(PreopenedConnection.isWorthOpening("jdbc:sqlite:file:" + this.directory.resolve("app.db") + "?x=1"))
			.isTrue();
		// the URL is a guess: opening it must not create a file
		assertThat(PreopenedConnection.isWorthOpening("jdbc:sqlite:" + this.directory.resolve("missing.db"))).isFalse();
		// an in-memory database ends with its last connection: the pool must keep it
		assertThat(PreopenedConnection.isWorthOpening("jdbc:sqlite::memory:")).isFalse();
		assertThat(PreopenedConnection.isWorthOpening("jdbc:sqlite:file:app?mode=memory&cache=shared")).isFalse();
		assertThat(PreopenedConnection.isWorthOpening("jdbc:h2:mem:app")).isFalse();
	}

	private String url() {
		return "jdbc:sqlite:" + this.directory.resolve("app.db");
	}

	private static HikariDataSource pool(String url) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		return pool;
	}

}
