package dev.migration.internal.dialect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.migration.MigrationDatabaseException;
import dev.migration.Redactor;

/**
 * Where connections come from: the application's DataSource, or a JDBC URL.
 */
public final class ConnectionSource {

	private static final String SQLITE_PREFIX = "jdbc:sqlite:";

	private final DataSource dataSource;

	private final String url;

	private final String user;

	private final String password;

	private static final System.Logger logger = System.getLogger("dev.migration");

	private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(1);

	private final Redactor redactor;

	private final List<String> initSqls;

	private final int connectRetries;

	/**
	 * The fleet whose worker threads may lend this source's lock their kept session, or
	 * {@code null}: see {@link LockSessions}.
	 */
	private final Object lockSessionOwner;

	/**
	 * The URL a DataSource's connection reported, for messages: a DataSource has none to
	 * read before.
	 */
	private volatile String dataSourceUrl;

	private ConnectionSource(DataSource dataSource, String url, String user, String password, Redactor redactor,
			List<String> initSqls, int connectRetries, Object lockSessionOwner) {
		this.dataSource = dataSource;
		this.url = url;
		this.user = user;
		this.password = password;
		this.redactor = redactor;
		this.initSqls = List.copyOf(initSqls);
		this.connectRetries = connectRetries;
		this.lockSessionOwner = lockSessionOwner;
	}

	public static ConnectionSource of(DataSource dataSource, String url, String user, String password) {
		return new ConnectionSource(dataSource, url, user, password, Redactor.of(url, password), List.of(), 0, null);
	}

	/**
	 * This source, running {@code initSqls} on each new connection and retrying an
	 * unreachable database.
	 */
	public ConnectionSource onConnect(List<String> initSqls, int connectRetries) {
		return new ConnectionSource(this.dataSource, this.url, this.user, this.password, this.redactor, initSqls,
				connectRetries, this.lockSessionOwner);
	}

	/**
	 * This source, whose lock may take its session from the worker thread of a fleet run
	 * of {@code owner} (all of whose targets are on this database): see
	 * {@link LockSessions}.
	 */
	public ConnectionSource sharingLockSessions(Object owner) {
		return new ConnectionSource(this.dataSource, this.url, this.user, this.password, this.redactor, this.initSqls,
				this.connectRetries, owner);
	}

	Object lockSessionOwner() {
		return this.lockSessionOwner;
	}

	public boolean isConfigured() {
		return this.dataSource != null || (this.url != null && !this.url.isBlank());
	}

	public Connection open() {
		if (!isConfigured()) {
			throw new MigrationDatabaseException(
					"No database configured: give a DataSource or a JDBC URL (--url or MIGRATIONS_URL). Nothing was "
							+ "run.",
					null);
		}
		Connection connection = connect();
		try {
			if (this.url == null && this.dataSourceUrl == null) {
				// the driver answers from what it connected to, without a round trip
				this.dataSourceUrl = connection.getMetaData().getURL();
			}
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				for (String sql : this.initSqls) {
					runInitSql(statement, sql);
				}
			}
			return connection;
		}
		catch (SQLException | RuntimeException ex) {
			closeQuietly(connection);
			throw (ex instanceof RuntimeException runtime) ? runtime : new MigrationDatabaseException(
					this.redactor.redact("Cannot prepare a connection to " + describe() + ": " + ex.getMessage()), ex);
		}
	}

	private void runInitSql(Statement statement, String sql) {
		try {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new MigrationDatabaseException(this.redactor.redact("The init SQL '" + sql + "' failed on "
					+ describe() + ": " + DatabaseMessages.sentence(ex.getMessage()) + " Nothing was run. Fix or "
					+ "remove it (migrations.init-sqls)."), ex);
		}
	}

	private Connection connect() {
		Duration delay = Duration.ofSeconds(1);
		for (int attempt = 0;; attempt++) {
			try {
				return (this.dataSource != null) ? this.dataSource.getConnection()
						: DriverManager.getConnection(this.url, this.user, this.password);
			}
			catch (SQLException | RuntimeException failure) {
				// a pool that cannot start (Hikari's first connection) wraps the driver's
				// error
				SQLException ex = (failure instanceof SQLException sql) ? sql
						: ((failure.getCause() instanceof SQLException cause) ? cause : null);
				if (ex == null) {
					throw (RuntimeException) failure;
				}
				if (attempt >= this.connectRetries || !unreachable(ex)) {
					// a driver's message may quote the URL ("No suitable driver found for
					// jdbc:...?password=...")
					throw new MigrationDatabaseException(this.redactor.redact("Cannot connect to " + describe() + ": "
							+ DatabaseMessages.sentence(ex.getMessage()) + " Nothing was run. Check the URL, user, "
							+ "password and that the database is running"
							+ ((attempt > 0) ? " (tried " + (attempt + 1) + " times)." : ".")),
							this.redactor.redact((Throwable) failure));
				}
				logger.log(System.Logger.Level.WARNING,
						this.redactor.redact("Cannot connect to " + describe() + " (" + ex.getMessage()
								+ "); retrying in " + delay.toSeconds() + " s (" + (attempt + 1) + " of "
								+ this.connectRetries + " retries)"));
				pause(delay);
				delay = (delay.compareTo(MAX_RETRY_DELAY.dividedBy(2)) > 0) ? MAX_RETRY_DELAY : delay.multipliedBy(2);
			}
		}
	}

	/**
	 * A connection error (SQL state class 08) or a PostgreSQL that is starting up: worth
	 * another try.
	 */
	private static boolean unreachable(SQLException ex) {
		String state = ex.getSQLState();
		return ex instanceof SQLTransientConnectionException
				|| (state != null && (state.startsWith("08") || state.equals("57P03")));
	}

	private static void pause(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationDatabaseException("Interrupted while waiting to connect again. Nothing was run.", ex);
		}
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// the preparation's own error is the one to report
		}
	}

	/**
	 * Opens and closes a connection to the URL on a daemon thread, so that the driver's
	 * first connection (its classes, and for SQLite its native library) costs nothing
	 * while the caller reads the revision files: in a JVM that has just started each
	 * takes about as long as the other. Failures are left to the real connection, which
	 * reports them with its context. A SQLite URL is not opened (connecting creates the
	 * file): an in-memory database loads the same library. A DataSource is left alone: it
	 * may hand out one shared connection (a test's single-connection DataSource) that a
	 * second thread must not close, and a pool is the application's to start.
	 */
	public void warmUpInBackground() {
		if (this.dataSource != null || !isConfigured()) {
			return;
		}
		Thread thread = new Thread(this::warmUp, "migrations-connection-warm-up");
		thread.setDaemon(true);
		thread.start();
	}

	void warmUp() {
		try {
			String url = this.url.startsWith(SQLITE_PREFIX) ? SQLITE_PREFIX + ":memory:" : this.url;
			DriverManager.getConnection(url, this.user, this.password).close();
		}
		catch (SQLException | RuntimeException ex) {
			// the connection that does the work fails the same way and says where
		}
	}

	/**
	 * The database for messages, without credentials: its URL, once a DataSource's
	 * connection has told it.
	 */
	public String describe() {
		String known = (this.url != null) ? this.url : this.dataSourceUrl;
		return (known != null) ? this.redactor.redact(known) : "the configured DataSource";
	}

	/**
	 * Masks this connection's password, and URL-shaped credentials, in anything printed
	 * about it.
	 */
	public Redactor redactor() {
		return this.redactor;
	}

}
