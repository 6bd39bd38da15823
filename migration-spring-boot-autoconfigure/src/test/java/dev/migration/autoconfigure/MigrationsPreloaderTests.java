package dev.migration.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import dev.migration.MigrationConfiguration;
import dev.migration.Migrations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsPreloader}: the revision files are read while the context starts, and the
 * {@code Migrations} bean takes what was read.
 */
class MigrationsPreloaderTests {

	@TempDir
	Path directory;

	@Test
	void theMigrationsBeanTakesTheRevisionsReadWhileTheContextStarted() throws Exception {
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		Path file = revisions.resolve("a1_create.sql");
		Files.writeString(file, revision("CREATE TABLE read_early (id INTEGER)"));
		MigrationsPreloader preloader = new MigrationsPreloader();
		SpringApplication application = application(preloader);
		application.addInitializers((context) -> {
			try {
				// read before the context refreshes: what the file says from now on is not what runs
				assertThat(preloader.preload()).isNotNull();
				preloader.preload().get();
				Files.writeString(file, revision("CREATE TABLE read_late (id INTEGER)"));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		String url = "jdbc:sqlite:" + this.directory.resolve("app.db");
		try (ConfigurableApplicationContext context = application.run("--spring.datasource.url=" + url,
				"--migrations.locations=filesystem:" + revisions)) {
			assertThat(tables(url)).contains("read_early").doesNotContain("read_late");
		}
	}

	@Test
	void aVendorLocationIsResolvedFromTheDatasourceUrl() throws Exception {
		Path revisions = Files.createDirectories(this.directory.resolve("revisions/sqlite"));
		Files.writeString(revisions.resolve("a1_create.sql"), revision("CREATE TABLE per_vendor (id INTEGER)"));
		MigrationsPreloader preloader = new MigrationsPreloader();
		String url = "jdbc:sqlite:" + this.directory.resolve("app.db");
		try (ConfigurableApplicationContext context = application(preloader).run("--spring.datasource.url=" + url,
				"--migrations.locations=filesystem:" + this.directory.resolve("revisions/{vendor}"))) {
			assertThat(preloader.preload()).isNotNull();
			assertThat(tables(url)).contains("per_vendor");
		}
	}

	@Test
	void anUpToDateDatabaseIsCheckedOnTheConnectionOpenedEarlyWithoutStartingThePool() throws Exception {
		Path revisions = oneRevision("CREATE TABLE checked_early (id INTEGER)");
		String url = databaseUrl();
		Migrations.create(MigrationConfiguration.builder().url(url).locations("filesystem:" + revisions).build())
			.upgrade("heads");
		try (ConfigurableApplicationContext context = start(revisions)) {
			// Hikari connects on first use: the check did not use the pool
			assertThat(context.getBean(HikariDataSource.class).isRunning()).isFalse();
			assertThat(context.getBean(Migrations.class).current()).containsExactly("a1");
		}
	}

	@Test
	void pendingRevisionsRunOnTheConnectionOpenedEarly() throws Exception {
		Path revisions = oneRevision("CREATE TABLE applied_early (id INTEGER)");
		String url = databaseUrl();
		Files.createFile(this.directory.resolve("app.db"));
		try (ConfigurableApplicationContext context = start(revisions)) {
			assertThat(context.getBean(HikariDataSource.class).isRunning()).isFalse();
			assertThat(tables(url)).contains("applied_early");
		}
	}

	@Test
	void theDriverPropertiesOfThePoolAreThoseOfTheConnectionOpenedEarly() throws Exception {
		Path revisions = oneRevision("CREATE TABLE with_properties (id INTEGER)");
		String url = databaseUrl();
		Files.createFile(this.directory.resolve("app.db"));
		try (ConfigurableApplicationContext context = start(revisions,
				"--spring.datasource.hikari.data-source-properties.foreign_keys=true")) {
			assertThat(context.getBean(HikariDataSource.class).isRunning()).isFalse();
			assertThat(tables(url)).contains("with_properties");
		}
	}

	@Test
	void aSqliteFileThatDoesNotExistYetIsCreatedByThePoolNotByAGuess() throws Exception {
		Path revisions = oneRevision("CREATE TABLE created_by_pool (id INTEGER)");
		String url = databaseUrl();
		try (ConfigurableApplicationContext context = start(revisions)) {
			assertThat(context.getBean(HikariDataSource.class).isRunning()).isTrue();
			assertThat(tables(url)).contains("created_by_pool");
		}
	}

	@Test
	void aPoolThatChangesItsSessionsDoesTheCheckItself() throws Exception {
		Path revisions = oneRevision("CREATE TABLE applied_by_pool (id INTEGER)");
		String url = databaseUrl();
		try (ConfigurableApplicationContext context = start(revisions,
				"--spring.datasource.hikari.connection-init-sql=PRAGMA cache_size = 100")) {
			assertThat(context.getBean(HikariDataSource.class).isRunning()).isTrue();
			assertThat(tables(url)).contains("applied_by_pool");
		}
	}

	@Test
	void nothingIsReadWhenMigrationsAreDisabled() {
		MigrationsPreloader preloader = new MigrationsPreloader();
		String url = "jdbc:sqlite:" + this.directory.resolve("app.db");
		try (ConfigurableApplicationContext context = application(preloader).run("--spring.datasource.url=" + url,
				"--migrations.enabled=false", "--migrations.locations=filesystem:" + this.directory)) {
			assertThat(preloader.preload()).isNull();
		}
	}

	@Test
	void aSwitchThatIsNoBooleanStartsNoPreloadAndIsLeftToTheContext() {
		MigrationsPreloader preloader = new MigrationsPreloader();
		String url = "jdbc:sqlite:" + this.directory.resolve("app.db");
		// the preloader must not fail the start with its own, earlier binding error
		try (ConfigurableApplicationContext context = application(preloader).run("--spring.datasource.url=" + url,
				"--migrations.enabled=perhaps", "--migrations.locations=filesystem:" + this.directory)) {
			assertThat(preloader.preload()).isNull();
			assertThat(context.isActive()).isTrue();
		}
	}

	private static SpringApplication application(MigrationsPreloader preloader) {
		SpringApplication application = new SpringApplication(Config.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addListeners(preloader);
		return application;
	}

	/** Starts with a fresh preloader on {@link #databaseUrl()} and the given revisions. */
	private ConfigurableApplicationContext start(Path revisions, String... more) {
		List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + databaseUrl(),
				"--migrations.locations=filesystem:" + revisions));
		arguments.addAll(List.of(more));
		return application(new MigrationsPreloader()).run(arguments.toArray(String[]::new));
	}

	private Path oneRevision(String sql) throws Exception {
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		Files.writeString(revisions.resolve("a1_create.sql"), revision(sql));
		return revisions;
	}

	private String databaseUrl() {
		return "jdbc:sqlite:" + this.directory.resolve("app.db");
	}

	private static String revision(String sql) {
		return "-- revision: a1\n-- down_revision: none\n\n-- upgrade\n" + sql + ";\n";
	}

	private static List<String> tables(String url) throws Exception {
		List<String> tables = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(url);
				ResultSet rows = connection.createStatement().executeQuery("SELECT name FROM sqlite_master")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		return tables;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class })
	static class Config {

	}

}
