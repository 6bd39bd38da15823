package dev.migration.autoconfigure.testcontainers;

import dev.migration.autoconfigure.MigrationsConnectionDetails;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * Makes a {@code @ServiceConnection} {@link PostgreSQLContainer} the migration
 * connection, as Boot does for Flyway.
 */
class MigrationsContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<PostgreSQLContainer, MigrationsConnectionDetails> {

	@Override
	protected MigrationsConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<PostgreSQLContainer> source) {
		return new ContainerDetails(source);
	}

	private static final class ContainerDetails extends ContainerConnectionDetails<PostgreSQLContainer>
			implements MigrationsConnectionDetails {

		private ContainerDetails(ContainerConnectionSource<PostgreSQLContainer> source) {
			super(source);
		}

		@Override
		public String getJdbcUrl() {
			return getContainer().getJdbcUrl();
		}

		@Override
		public String getUsername() {
			return getContainer().getUsername();
		}

		@Override
		public String getPassword() {
			return getContainer().getPassword();
		}

	}

}
