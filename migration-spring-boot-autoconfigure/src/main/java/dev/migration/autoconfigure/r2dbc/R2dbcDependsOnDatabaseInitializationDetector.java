package dev.migration.autoconfigure.r2dbc;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;
import org.springframework.util.ClassUtils;

/**
 * A {@link DependsOnDatabaseInitializationDetector} for the R2DBC beans applications
 * query through ({@code DatabaseClient}, {@code R2dbcEntityTemplate} and so the
 * repositories built on it): they start after the startup upgrade, as Boot makes
 * {@code JdbcTemplate} and JPA wait. Boot has none for R2DBC. Not the
 * {@code ConnectionFactory} itself: Boot's R2DBC script initializer needs it, so it
 * cannot wait for the initializers.
 */
class R2dbcDependsOnDatabaseInitializationDetector extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

	// by name: listed in spring.factories, this detector loads also where R2DBC is absent
	private static final List<String> TYPES = List.of("org.springframework.r2dbc.core.DatabaseClient",
			"org.springframework.data.r2dbc.core.R2dbcEntityOperations");

	@Override
	protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
		ClassLoader classLoader = getClass().getClassLoader();
		return TYPES.stream()
			.filter((type) -> ClassUtils.isPresent(type, classLoader))
			.map((type) -> ClassUtils.resolveClassName(type, classLoader))
			.collect(Collectors.toSet());
	}

}
