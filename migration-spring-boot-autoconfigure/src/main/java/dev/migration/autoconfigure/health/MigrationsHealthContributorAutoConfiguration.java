package dev.migration.autoconfigure.health;

import dev.migration.Migrations;
import dev.migration.autoconfigure.MigrationsAutoConfiguration;
import dev.migration.autoconfigure.MigrationsInitializer;
import dev.migration.autoconfigure.MigrationsProperties;
import dev.migration.autoconfigure.MigrationsSecrets;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for the
 * {@link MigrationsHealthIndicator}, shown as {@code migrations} in the health endpoint.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ Migrations.class, MigrationsProperties.class })
@ConditionalOnEnabledHealthIndicator("migrations")
public final class MigrationsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "migrationsHealthIndicator")
	MigrationsHealthIndicator migrationsHealthIndicator(Migrations migrations,
			ObjectProvider<MigrationsInitializer> initializer, MigrationsProperties properties,
			Environment environment) {
		return new MigrationsHealthIndicator(migrations, initializer.getIfUnique(), properties.getTarget(),
				MigrationsSecrets.redactor(environment, migrations));
	}

}
