package dev.migration.autoconfigure;

import java.util.List;

import dev.migration.Migrations;
import dev.migration.Redactor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The passwords of the application's database settings, for the core's {@link Redactor}:
 * everything the starter logs, answers (endpoint, health) or explains (failure analysis)
 * goes through it. The engine itself knows only the connection it was given, not
 * {@code spring.datasource.password} behind a DataSource.
 */
public final class MigrationsSecrets {

	private static final List<String> CONNECTIONS = List.of("migrations", "spring.datasource", "spring.r2dbc");

	private MigrationsSecrets() {
	}

	/**
	 * A redactor for the passwords of the {@code migrations.*},
	 * {@code spring.datasource.*} and {@code spring.r2dbc.*} settings (URLs included) and
	 * of the engine's own connection.
	 * @param environment the application's environment, or {@code null} when there is
	 * none yet
	 * @param migrations the engine, or {@code null}
	 * @return the redactor
	 */
	public static Redactor redactor(@Nullable Environment environment, @Nullable Migrations migrations) {
		Redactor redactor = (migrations != null) ? migrations.configuration().redactor() : Redactor.patternsOnly();
		if (environment == null) {
			return redactor;
		}
		Binder binder = Binder.get(environment);
		for (String prefix : CONNECTIONS) {
			redactor = redactor.and(bind(binder, prefix + ".url"), bind(binder, prefix + ".password"));
		}
		return redactor;
	}

	private static @Nullable String bind(Binder binder, String name) {
		try {
			return binder.bind(name, String.class).orElse(null);
		}
		catch (RuntimeException ex) {
			// a property that does not bind as text holds no password we could mask
			return null;
		}
	}

}
