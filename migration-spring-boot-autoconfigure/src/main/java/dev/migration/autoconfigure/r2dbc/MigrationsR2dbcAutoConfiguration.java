package dev.migration.autoconfigure.r2dbc;

import javax.sql.DataSource;

import dev.migration.Migrations;
import dev.migration.autoconfigure.MigrationsAutoConfiguration;
import dev.migration.autoconfigure.MigrationsConnectionDetails;
import io.r2dbc.spi.ConnectionFactoryOptions;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for reactive applications: with no DataSource, the migrations
 * connect over the JDBC URL that matches the application's R2DBC connection
 * ({@code spring.r2dbc.*} or Boot's {@link R2dbcConnectionDetails}), unless
 * {@code migrations.url} or a {@link MigrationsConnectionDetails} bean says otherwise.
 */
@AutoConfiguration(before = MigrationsAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration" })
@ConditionalOnClass({ Migrations.class, ConnectionFactoryOptions.class, R2dbcConnectionDetails.class })
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
@ConditionalOnBean(R2dbcConnectionDetails.class)
@ConditionalOnMissingBean({ DataSource.class, MigrationsConnectionDetails.class })
// no migrations.url (or false, which the property condition counts as unset)
@ConditionalOnProperty(name = "migrations.url", havingValue = "false", matchIfMissing = true)
public final class MigrationsR2dbcAutoConfiguration {

	@Bean
	MigrationsConnectionDetails r2dbcMigrationsConnectionDetails(R2dbcConnectionDetails r2dbcConnectionDetails) {
		return R2dbcJdbcConnection.of(r2dbcConnectionDetails.getConnectionFactoryOptions());
	}

}
