package dev.migration.autoconfigure;

import java.nio.file.Path;

import dev.migration.support.PostgresDatabase;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The context runners and databases the auto-configuration tests start from. */
public final class MigrationsContextRunners {

	private MigrationsContextRunners() {
	}

	/**
	 * The starter's auto-configuration, Boot's DataSource one and the given ones.
	 * @param autoConfigurations more auto-configurations under test
	 * @return the runner, with no database configured yet
	 */
	public static ApplicationContextRunner withDataSource(Class<?>... autoConfigurations) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
			.withConfiguration(AutoConfigurations.of(autoConfigurations));
	}

	/**
	 * The starter's auto-configuration alone.
	 * @return the runner, with no database configured yet (a test names one with
	 * {@code migrations.url})
	 */
	public static ApplicationContextRunner withoutDataSource() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class));
	}

	/** The JDBC URL of the SQLite file {@code app.db} of the directory. */
	public static String sqlite(Path directory) {
		return "jdbc:sqlite:" + directory.resolve("app.db");
	}

	/**
	 * Makes a new database of the embedded PostgreSQL server the application's
	 * DataSource.
	 * @param registry the test's dynamic properties
	 * @return the database
	 */
	public static PostgresDatabase postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase database = PostgresDatabase.create();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
		return database;
	}

}
