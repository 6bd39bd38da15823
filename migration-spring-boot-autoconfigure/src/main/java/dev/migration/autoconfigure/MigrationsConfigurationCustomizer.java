package dev.migration.autoconfigure;

import dev.migration.MigrationConfiguration;

/**
 * Callback for beans that adjust the {@link MigrationConfiguration} after the
 * {@code migrations.*} properties were applied and before the
 * {@link dev.migration.Migrations} bean is created.
 */
@FunctionalInterface
public interface MigrationsConfigurationCustomizer {

	/**
	 * Customize the configuration.
	 * @param configuration the builder, already holding the values of the properties
	 */
	void customize(MigrationConfiguration.Builder configuration);

}
