package dev.migration.internal.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import dev.migration.MigrationDatabaseException;
import dev.migration.MigrationException;
import dev.migration.Redactor;
import dev.migration.internal.dialect.ConnectionSource;
import dev.migration.internal.dialect.DatabaseMessages;
import dev.migration.internal.dialect.Dialect;
import dev.migration.internal.dialect.PostgresDialect;
import dev.migration.internal.dialect.SqliteDialect;

/**
 * A scratch PostgreSQL database named by a dev URL ({@code --dev-url}): the target schema
 * goes into a temporary schema there, so that its SQL never runs in the live database,
 * which may be one the user must not write to.
 */
public final class DevDatabase implements SchemaCompare.Connections {

	/** The URL, user and password, and what masks the password in messages. */
	private final ConnectionSource source;

	private DevDatabase(ConnectionSource source) {
		this.source = source;
	}

	public static DevDatabase of(String url, String user, String password) {
		return new DevDatabase(ConnectionSource.of(null, url, user, password));
	}

	/**
	 * Refuses, before anything is read or applied, a dev database of another kind than
	 * the live one, and any dev database for SQLite, whose scratch database is always a
	 * private in-memory one.
	 * @param liveDialect the live database's dialect
	 * @param liveName the live database for messages, without credentials
	 */
	public void requireUsableFor(Dialect liveDialect, String liveName) {
		Dialect kind = kind();
		if (kind.getClass() != liveDialect.getClass()) {
			throw new MigrationException("The dev database " + describe() + " is " + kind.displayName()
					+ " but the database " + liveName + " is " + liveDialect.displayName() + ": the target schema must "
					+ "be applied to a database of the same kind. Nothing was compared. "
					+ ((liveDialect instanceof SqliteDialect) ? leaveOut()
							: "Give a PostgreSQL dev URL, or none to use a temporary schema in the database itself."));
		}
		if (kind instanceof SqliteDialect) {
			throw new MigrationException("A dev database is for PostgreSQL only: on SQLite the target schema is always "
					+ "applied to a private in-memory database, so " + describe() + " would never be used. Nothing was "
					+ "compared. " + leaveOut());
		}
	}

	private static String leaveOut() {
		return "Leave out the dev URL (--dev-url, MIGRATIONS_DEV_URL).";
	}

	/**
	 * Taken from the URL when it says, else from the server, so that a wrapping driver's
	 * URL works too.
	 */
	private Dialect kind() {
		String lower = describe().toLowerCase(Locale.ROOT);
		if (lower.startsWith("jdbc:postgresql:")) {
			return new PostgresDialect();
		}
		if (lower.startsWith("jdbc:sqlite:")) {
			return new SqliteDialect();
		}
		Connection connection = open();
		try (connection) {
			return Dialect.of(connection);
		}
		catch (SQLException ex) {
			throw new MigrationDatabaseException(
					redactor().redact("Cannot read the kind of the dev database " + describe() + ": "
							+ DatabaseMessages.sentence(ex.getMessage()) + " Nothing was compared."),
					redactor().redact((Throwable) ex));
		}
		catch (MigrationException ex) {
			throw new MigrationException("The dev database " + describe() + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public Connection open() {
		try {
			return this.source.open();
		}
		catch (MigrationDatabaseException ex) {
			// the source's message speaks of the live database; the driver's error (its
			// cause) is already redacted
			Throwable cause = ex.getCause();
			if (cause == null) {
				throw ex;
			}
			throw new MigrationDatabaseException(redactor().redact("Cannot connect to the dev database " + describe()
					+ ": " + DatabaseMessages.sentence(cause.getMessage()) + " Nothing was compared. Check the dev URL "
					+ "(--dev-url, MIGRATIONS_DEV_URL), its user and password, and that the database is running."),
					cause);
		}
	}

	@Override
	public String where() {
		return "a temporary schema of the dev database " + describe();
	}

	@Override
	public String privilegeFix() {
		return "the dev database " + describe();
	}

	/** The URL without credentials. */
	public String describe() {
		return this.source.describe();
	}

	private Redactor redactor() {
		return this.source.redactor();
	}

}
