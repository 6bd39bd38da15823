package dev.migration.autoconfigure.aot;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The resources a native image needs with the default settings: the revision files of
 * {@code classpath:db/revisions} and the target schema {@code classpath:db/schema.sql}.
 * Those of other configured locations and the Java revisions come from
 * {@link MigrationsAotProcessor}, which reads the application's settings.
 */
public final class MigrationsRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		hints.resources().registerPattern("db/revisions/**/*.sql");
		hints.resources().registerPattern("db/schema.sql");
	}

}
