package dev.migration.internal.dialect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.migration.MigrationDatabaseException;

/**
 * Where connections come from: the application's DataSource, or a JDBC URL.
 */
public final class ConnectionSource {

	private final DataSource dataSource;

	private final String url;

	private final String user;

	private final String password;

	private ConnectionSource(DataSource dataSource, String url, String user, String password) {
		this.dataSource = dataSource;
		this.url = url;
		this.user = user;
		this.password = password;
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
					"No database configured: give a DataSource or a JDBC URL (--url or MIGRATIONS_URL). Nothing was run.",
					null);
		}
		try {
			Connection connection = (this.dataSource != null) ? this.dataSource.getConnection()
					: DriverManager.getConnection(this.url, this.user, this.password);
			connection.setAutoCommit(true);
			return connection;
		}
		catch (SQLException ex) {
			throw new MigrationDatabaseException("Cannot connect to " + describe() + ": "
					+ DatabaseMessages.sentence(ex.getMessage()) + " Nothing was run. Check the URL, user, password and that the database is running.", ex);
		}
	}

	/** The database for messages, without credentials. */
	public String describe() {
		if (this.url == null) {
			return "the configured DataSource";
		}
		return JdbcUrls.redact(this.url);
	}

}
