package dev.migration.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * The connection the migrations use. When a bean of this type is present it wins over
 * {@code migrations.url} and the application's DataSource; {@code @ServiceConnection}
 * containers and Docker Compose services provide one.
 */
public interface MigrationsConnectionDetails extends ConnectionDetails {

	String getJdbcUrl();

	String getUsername();

	String getPassword();

	/**
	 * The connection with the given URL and credentials.
	 * @param jdbcUrl the JDBC URL
	 * @param username the user, or {@code null}
	 * @param password the password, or {@code null}
	 * @return the connection details
	 */
	static MigrationsConnectionDetails of(String jdbcUrl, String username, String password) {
		// not a record: its toString would print the password
		return new MigrationsConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return jdbcUrl;
			}

			@Override
			public String getUsername() {
				return username;
			}

			@Override
			public String getPassword() {
				return password;
			}

		};
	}

}
