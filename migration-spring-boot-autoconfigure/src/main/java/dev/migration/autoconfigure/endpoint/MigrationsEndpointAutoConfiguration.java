package dev.migration.autoconfigure.endpoint;

import dev.migration.Migrations;
import dev.migration.autoconfigure.MigrationsAutoConfiguration;
import dev.migration.autoconfigure.MigrationsProperties;
import dev.migration.autoconfigure.MigrationsSecrets;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for the
 * {@link MigrationsEndpoint}.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass({ Migrations.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public final class MigrationsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnBean({ Migrations.class, MigrationsProperties.class })
	@ConditionalOnMissingBean
	MigrationsEndpoint migrationsEndpoint(Migrations migrations, MigrationsProperties properties,
			Environment environment) {
		return new MigrationsEndpoint(migrations, properties.getEndpoint().isDowngradeEnabled(),
				properties.getEndpoint().getMaxDowngradeSteps(), MigrationsSecrets.redactor(environment, migrations));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(HandlerExceptionResolver.class)
	static class ServletConfiguration {

		@Bean
		MalformedDowngradeRequestResolver migrationsMalformedDowngradeRequestResolver(
				ObjectProvider<PathMappedEndpoints> endpoints) {
			return new MalformedDowngradeRequestResolver(endpoints);
		}

	}

}
