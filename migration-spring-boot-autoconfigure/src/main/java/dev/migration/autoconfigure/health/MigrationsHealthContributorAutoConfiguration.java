package dev.migration.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.migration.Migrations;
import dev.migration.Redactor;
import dev.migration.autoconfigure.MigrationsAutoConfiguration;
import dev.migration.autoconfigure.MigrationsInitializer;
import dev.migration.autoconfigure.MigrationsInstances;
import dev.migration.autoconfigure.MigrationsProperties;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@link MigrationsHealthIndicator}, shown as
 * {@code migrations} in the health endpoint: one indicator for one {@link Migrations}
 * bean, one component per bean name when there are several (as Spring Boot does for
 * DataSources).
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ Migrations.class, MigrationsProperties.class })
@ConditionalOnEnabledHealthIndicator("migrations")
public final class MigrationsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "migrationsHealthIndicator", "migrationsHealthContributor" })
	HealthContributor migrationsHealthContributor(ListableBeanFactory beanFactory,
			ObjectProvider<MigrationsInitializer> initializer, MigrationsProperties properties,
			Environment environment) {
		MigrationsInstances instances = MigrationsInstances.of(beanFactory);
		Redactor redactor = instances.redactor(environment);
		MigrationsInitializer startup = initializer.getIfUnique();
		Map<String, HealthIndicator> components = new LinkedHashMap<>();
		instances.byName()
			.forEach((name, migrations) -> components.put(name, new MigrationsHealthIndicator(migrations,
					(startup != null) ? startup.initializer(name) : null, properties.getTarget(), redactor)));
		// one database: the indicator itself, as Spring Boot shows one DataSource
		return instances.names().isEmpty() ? components.values().iterator().next()
				: CompositeHealthContributor.fromMap(components);
	}

}
