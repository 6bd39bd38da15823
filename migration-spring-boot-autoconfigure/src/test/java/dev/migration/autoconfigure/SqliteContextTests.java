package dev.migration.autoconfigure;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Tests whose applications run on a new SQLite file per test: {@link #runner()} is the
 * class's context runner with the application's DataSource on it.
 */
public abstract class SqliteContextTests {

	/** The runner without a database, for tests that bring their own. */
	protected final ApplicationContextRunner contextRunner;

	@TempDir
	protected Path directory;

	protected SqliteContextTests(ApplicationContextRunner contextRunner) {
		this.contextRunner = contextRunner;
	}

	protected ApplicationContextRunner runner() {
		return this.contextRunner
			.withPropertyValues("spring.datasource.url=" + MigrationsContextRunners.sqlite(this.directory));
	}

}
