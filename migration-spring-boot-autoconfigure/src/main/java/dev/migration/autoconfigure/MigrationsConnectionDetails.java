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

}
