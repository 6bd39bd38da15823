package dev.migration.autoconfigure;

import java.nio.file.Path;

import dev.migration.MigrationException;
import dev.migration.Migrations;
import dev.migration.RevisionIndex;
import dev.migration.autoconfigure.aot.MigrationsRevisionReader;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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

	/**
	 * The SQLite file of {@link #runner()} as {@code migrations.url}, for a runner
	 * without a DataSource.
	 */
	/**
	 * The runner with the revision index that the code Spring AOT generated registers.
	 */
	protected ApplicationContextRunner withIndex(RevisionIndex index) {
		return this.contextRunner.withInitializer((context) -> context.getBeanFactory()
			.registerSingleton(MigrationsRevisionReader.INDEX_BEAN_NAME, index));
	}

	protected String migrationsUrl() {
		return "migrations.url=" + MigrationsContextRunners.sqlite(this.directory);
	}

	/**
	 * {@link #runner()} on the revisions of {@code db/half}, without the startup upgrade:
	 * their second, non-transactional revision fails after its first statement.
	 */
	protected ApplicationContextRunner halfDone() {
		return runner().withPropertyValues("migrations.run-on-startup=false", "migrations.locations=classpath:db/half");
	}

	/** Runs the upgrade of {@link #halfDone()} that leaves f00000000002 unfinished. */
	protected static void leaveUnfinished(AssertableApplicationContext context) {
		Migrations migrations = context.getBean(Migrations.class);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrations.upgrade("heads"));
	}

	/**
	 * What a status lists as unfinished after {@link #leaveUnfinished}: f00000000002,
	 * with the stamp that clears it.
	 */
	protected static void assertUnfinishedHalf(Object unfinished) {
		assertThat(unfinished).asInstanceOf(InstanceOfAssertFactories.LIST)
			.singleElement()
			.asString()
			.contains("f00000000002", "stamp f00000000001");
	}

}
