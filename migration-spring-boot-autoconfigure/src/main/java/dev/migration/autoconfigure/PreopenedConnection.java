package dev.migration.autoconfigure;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.util.ClassUtils;

/**
 * A connection to the application's database that {@link MigrationsPreloader} opens on a background thread while the
 * context starts, with {@code spring.datasource.url}, {@code username}, {@code password} and
 * {@code hikari.data-source-properties}. The startup check takes it instead of the pool's first connection when the
 * application's DataSource is a Hikari pool that would open the very same session: same URL, user, password and
 * driver properties, and nothing else that changes a session (schema, catalog, init SQL, isolation, read-only). So a
 * service whose database is up to date does not start its pool, or wait for the driver, before it is ready; its first
 * request does, as in an application with no migration tool.
 * <p>
 * Taken once; closed when the application is ready or has failed and nobody took it. The database is read when the
 * check runs, as through the pool: only the connection is opened early.
 */
final class PreopenedConnection {

	static final String BEAN_NAME = "dev.migration.autoconfigure.preopenedConnection";

	private static final boolean HIKARI_PRESENT = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
			PreopenedConnection.class.getClassLoader());

	private final String url;

	private final String user;

	private final String password;

	private final Properties driverProperties;

	private final FutureTask<Connection> opening;

	private final AtomicBoolean claimed = new AtomicBoolean();

	private PreopenedConnection(String url, String user, String password, Properties driverProperties,
			Callable<Connection> opener) {
		this.url = url;
		this.user = user;
		this.password = password;
		this.driverProperties = driverProperties;
		this.opening = new FutureTask<>(opener);
	}

	/**
	 * Whether a connection opened early can stand in for the pool's: PostgreSQL, or a SQLite file that exists. Never
	 * a database in memory, which would end with the last connection when the check closes it, and never a file the
	 * connection would create: the URL is a guess made before the context exists.
	 */
	static boolean isWorthOpening(String url) {
		if (url.startsWith("jdbc:postgresql:")) {
			return true;
		}
		String prefix = MigrationsPreloader.SQLITE_PREFIX;
		if (!url.startsWith(prefix) || url.contains(":memory:") || url.contains("mode=memory")) {
			return false;
		}
		String name = url.substring(prefix.length());
		name = name.startsWith("file:") ? name.substring("file:".length()) : name;
		name = (name.indexOf('?') >= 0) ? name.substring(0, name.indexOf('?')) : name;
		try {
			return !name.isEmpty() && Files.isRegularFile(Path.of(name));
		}
		catch (InvalidPathException ex) {
			return false;
		}
	}

	/**
	 * Starts opening a connection on a daemon thread, as Hikari opens its own: the driver properties, and the user and
	 * password among them.
	 */
	static PreopenedConnection open(String url, String user, String password, Map<String, String> driverProperties) {
		Properties properties = new Properties();
		properties.putAll(driverProperties);
		Properties connect = (Properties) properties.clone();
		if (user != null) {
			connect.put("user", user);
		}
		if (password != null) {
			connect.put("password", password);
		}
		return start(url, user, password, properties, () -> DriverManager.getConnection(url, connect));
	}

	static PreopenedConnection start(String url, String user, String password, Properties driverProperties,
			Callable<Connection> opener) {
		PreopenedConnection connection = new PreopenedConnection(url, user, password, driverProperties, opener);
		Thread thread = new Thread(connection.opening, "migrations-connection");
		thread.setDaemon(true);
		thread.start();
		return connection;
	}

	/** Done when the connection is open or could not be opened. */
	Future<Connection> opening() {
		return this.opening;
	}

	/**
	 * The DataSource for the migrations: the application's, whose first connection is this one when the pool would
	 * open the same session, else the application's as it is.
	 */
	DataSource firstConnectionOf(DataSource dataSource) {
		return HIKARI_PRESENT ? Hikari.firstConnectionOf(dataSource, this) : dataSource;
	}

	/**
	 * The connection the first time it is asked for, if it opened; {@code null} afterwards, or when it could not be
	 * opened (the pool then fails the same way and says why).
	 */
	Connection poll(long timeoutMillis) {
		if (!this.claimed.compareAndSet(false, true)) {
			return null;
		}
		try {
			return this.opening.get(timeoutMillis, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			return null;
		}
		catch (TimeoutException ex) {
			// still connecting after as long as the pool would wait: let the pool try, and close this one when it comes
			closeWhenOpened();
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			closeWhenOpened();
			return null;
		}
	}

	/** Closes the connection unless someone took it. */
	void discard() {
		if (this.claimed.compareAndSet(false, true)) {
			closeWhenOpened();
		}
	}

	private void closeWhenOpened() {
		if (this.opening.isDone()) {
			closeQuietly();
			return;
		}
		Thread thread = new Thread(this::closeQuietly, "migrations-connection-close");
		thread.setDaemon(true);
		thread.start();
	}

	private void closeQuietly() {
		try {
			this.opening.get().close();
		}
		catch (ExecutionException | SQLException ex) {
			// nothing to close, or nothing more to do about it
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The application's pool, except that its first connection for the migrations is the preopened one. */
	private static final class FirstConnectionDataSource extends DelegatingDataSource {

		private final PreopenedConnection preopened;

		private final long timeoutMillis;

		FirstConnectionDataSource(DataSource pool, PreopenedConnection preopened, long timeoutMillis) {
			super(pool);
			this.preopened = preopened;
			this.timeoutMillis = timeoutMillis;
		}

		@Override
		public Connection getConnection() throws SQLException {
			Connection connection = this.preopened.poll(this.timeoutMillis);
			return (connection != null) ? connection : super.getConnection();
		}

	}

	/** Kept apart so that nothing loads Hikari's classes when Hikari is not there. */
	private static final class Hikari {

		static DataSource firstConnectionOf(DataSource dataSource, PreopenedConnection preopened) {
			HikariDataSource hikari = DataSourceUnwrapper.unwrap(dataSource, HikariConfigMXBean.class,
					HikariDataSource.class);
			if (hikari == null || !opensTheSameSession(hikari, preopened)) {
				return dataSource;
			}
			// waits for the connection as long as the pool would wait for one of its own
			return new FirstConnectionDataSource(dataSource, preopened, hikari.getConnectionTimeout());
		}

		private static boolean opensTheSameSession(HikariDataSource hikari, PreopenedConnection preopened) {
			return preopened.url.equals(hikari.getJdbcUrl()) && Objects.equals(preopened.user, hikari.getUsername())
					&& Objects.equals(preopened.password, hikari.getPassword()) && hikari.getDataSource() == null
					&& hikari.getDataSourceClassName() == null && hikari.getDataSourceJNDI() == null
					&& hikari.getDataSourceProperties().equals(preopened.driverProperties) && hikari.getSchema() == null
					&& hikari.getCatalog() == null && hikari.getConnectionInitSql() == null
					&& hikari.getTransactionIsolation() == null && !hikari.isReadOnly() && hikari.isAutoCommit();
		}

	}

}
