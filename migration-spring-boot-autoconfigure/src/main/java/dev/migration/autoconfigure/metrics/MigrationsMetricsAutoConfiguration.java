package dev.migration.autoconfigure.metrics;

import dev.migration.Migrations;
import dev.migration.autoconfigure.MigrationsAutoConfiguration;
import dev.migration.autoconfigure.MigrationsInstances;
import dev.migration.autoconfigure.MigrationsProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for {@link MigrationsMetrics}. The metrics are a
 * {@link dev.migration.MigrationListener} bean, which the {@link Migrations} bean picks
 * up, so the startup upgrade is timed too.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, Migrations.class })
@ConditionalOnBean({ MeterRegistry.class, Migrations.class, MigrationsProperties.class })
public final class MigrationsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsMetrics migrationsMetrics(MeterRegistry registry) {
		return new MigrationsMetrics(registry);
	}

	@Bean
	SmartInitializingSingleton migrationsPendingGaugeBinder(MigrationsMetrics metrics, ListableBeanFactory beanFactory,
			MigrationsProperties properties) {
		// one gauge per Migrations bean, tagged with its name when there are several
		return () -> {
			MigrationsInstances instances = MigrationsInstances.of(beanFactory);
			instances.byName()
				.forEach((name, migrations) -> metrics.bindPendingGauge(migrations, properties.getTarget(),
						instances.names().isEmpty() ? Tags.empty() : Tags.of("instance", name)));
		};
	}

}
