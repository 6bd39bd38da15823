package dev.migration.internal.dialect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

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

	private final Redactor redactor;

	private ConnectionSource(DataSource dataSource, String url, String user, String password) {
		this.dataSource = dataSource;
		this.url = url;
		this.user = user;
		this.password = password;
		this.redactor = Redactor.of(url, password);
	}

	public static ConnectionSource of(DataSource dataSource, String url, String user, String password) {
		return new ConnectionSource(dataSource, url, user, password);
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
		try {
			Connection connection = (this.dataSource != null) ? this.dataSource.getConnection()
					: DriverManager.getConnection(this.url, this.user, this.password);
			connection.setAutoCommit(true);
			return connection;
		}
		catch (SQLException ex) {
			// a driver's message may quote the URL ("No suitable driver found for jdbc:...?password=...")
			throw new MigrationDatabaseException(this.redactor.redact("Cannot connect to " + describe() + ": "
					+ DatabaseMessages.sentence(ex.getMessage()) + " Nothing was run. Check the URL, user, password "
					+ "and that the database is running."), this.redactor.redact((Throwable) ex));
		}
	}

	/**
	 * Opens and closes a connection to the URL on a daemon thread, so that the driver's first connection (its classes,
	 * and for SQLite its native library) costs nothing while the caller reads the revision files: in a JVM that has
	 * just started each takes about as long as the other. Failures are left to the real connection, which reports them
	 * with its context. A SQLite URL is not opened (connecting creates the file): an in-memory database loads the same
	 * library. A DataSource is left alone: it may hand out one shared connection (a test's single-connection
	 * DataSource) that a second thread must not close, and a pool is the application's to start.
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

	/** The database for messages, without credentials. */
	public String describe() {
		if (this.url == null) {
			return "the configured DataSource";
		}
		return this.redactor.redact(this.url);
	}

	/** Masks this connection's password, and URL-shaped credentials, in anything printed about it. */
	public Redactor redactor() {
		return this.redactor;
	}

}
