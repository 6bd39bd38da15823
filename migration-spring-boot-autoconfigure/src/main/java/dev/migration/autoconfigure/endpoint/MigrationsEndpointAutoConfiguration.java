package dev.migration.autoconfigure.endpoint;

import dev.migration.Migrations;
import dev.migration.autoconfigure.MigrationsAutoConfiguration;
import dev.migration.autoconfigure.MigrationsInstances;
import dev.migration.autoconfigure.MigrationsProperties;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@link MigrationsEndpoint}.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass({ Migrations.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public final class MigrationsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnBean({ Migrations.class, MigrationsProperties.class })
	@ConditionalOnMissingBean
	MigrationsEndpoint migrationsEndpoint(ListableBeanFactory beanFactory, MigrationsProperties properties,
			Environment environment) {
		MigrationsInstances instances = MigrationsInstances.of(beanFactory);
		return new MigrationsEndpoint(instances, properties.getEndpoint().isDowngradeEnabled(),
				properties.getEndpoint().getMaxDowngradeSteps(), instances.redactor(environment));
	}

}
