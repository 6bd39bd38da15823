package dev.migration.autoconfigure.r2dbc;

import dev.migration.R2dbcOptions;
import dev.migration.autoconfigure.MigrationsConnectionDetails;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;

/**
 * The migration connection of a reactive application: the core's JDBC URL for its R2DBC
 * options, with the R2DBC user and password.
 */
final class R2dbcJdbcConnection {

	private R2dbcJdbcConnection() {
	}

	static MigrationsConnectionDetails of(ConnectionFactoryOptions options) {
		return MigrationsConnectionDetails.of(jdbcUrl(options), text(options, ConnectionFactoryOptions.USER),
				text(options, ConnectionFactoryOptions.PASSWORD));
	}

	static String jdbcUrl(ConnectionFactoryOptions options) {
		try {
			return R2dbcOptions.jdbcUrl((name) -> options.getValue(Option.valueOf(name)));
		}
		catch (IllegalArgumentException ex) {
			// host and database are enough; the message is whole: it is the root cause
			throw new IllegalStateException("Cannot derive the migration connection from the R2DBC settings ("
					+ text(options, ConnectionFactoryOptions.HOST) + "/"
					+ text(options, ConnectionFactoryOptions.DATABASE) + "): " + ex.getMessage()
					+ ". Nothing was applied. Set migrations.url (with migrations.user and migrations.password) to"
					+ " the database's JDBC URL, define a MigrationsConnectionDetails bean, or set"
					+ " migrations.enabled=false.");
		}
	}

	private static String text(ConnectionFactoryOptions options, Option<?> option) {
		Object value = options.getValue(option);
		return (value != null) ? value.toString() : null;
	}

}
