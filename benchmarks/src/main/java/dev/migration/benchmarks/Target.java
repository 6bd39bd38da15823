package dev.migration.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One database to run a tool against: a SQLite file or a PostgreSQL database.
 *
 * @param kind {@code sqlite} or {@code postgresql}
 */
public record Target(String kind, String url, String user, String password) {

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.user, this.password);
	}

	/**
	 * As command-line arguments for a child JVM: kind, url, user, password (empty for
	 * none).
	 */
	public String[] arguments() {
		return new String[] { this.kind, this.url, (this.user != null) ? this.user : "",
				(this.password != null) ? this.password : "" };
	}

	public static Target fromArguments(String[] arguments, int offset) {
		return new Target(arguments[offset], arguments[offset + 1], emptyToNull(arguments[offset + 2]),
				emptyToNull(arguments[offset + 3]));
	}

	private static String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

}
