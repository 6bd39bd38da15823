package dev.migration.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * A {@link DatabaseInitializerDetector} for {@link MigrationsInitializer}: beans that use
 * the database start after the startup upgrade ({@link MigrationsInitializer.Completion}
 * when it runs on Spring's bootstrap executor).
 */
class MigrationsInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigrationsInitializer.class, MigrationsInitializer.Completion.class);
	}

	@Override
	public int getOrder() {
		return 1;
	}

}
