package dev.migration.autoconfigure.docker.compose;

import dev.migration.autoconfigure.MigrationsConnectionDetails;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Makes the PostgreSQL service of a Docker Compose file the migration connection: Boot's
 * Docker Compose support adapts the {@link JdbcConnectionDetails} it creates for a
 * service through this factory, as it does for Flyway.
 */
class JdbcAdaptingMigrationsConnectionDetailsFactory
		implements ConnectionDetailsFactory<JdbcConnectionDetails, MigrationsConnectionDetails> {

	@Override
	public MigrationsConnectionDetails getConnectionDetails(JdbcConnectionDetails input) {
		if (!input.getJdbcUrl().startsWith("jdbc:postgresql:")) {
			// not PostgreSQL: the application's DataSource stays the migration connection
			return null;
		}
		return MigrationsConnectionDetails.of(input.getJdbcUrl(), input.getUsername(), input.getPassword());
	}

}
