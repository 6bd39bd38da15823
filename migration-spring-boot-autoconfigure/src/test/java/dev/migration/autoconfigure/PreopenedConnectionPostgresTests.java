package dev.migration.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import dev.migration.Migrations;
import dev.migration.support.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection opened while the context starts, on PostgreSQL: pending revisions run on it (the advisory lock takes
 * a second connection, from the pool), and at the next start the up-to-date check runs on it without the pool.
 */
class PreopenedConnectionPostgresTests {

	@TempDir
	Path directory;

	@Test
	void pendingRevisionsRunOnItAndTheNextStartChecksOnItAlone() throws Exception {
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		Files.writeString(revisions.resolve("a1_create.sql"),
				"-- revision: a1\n-- down_revision: none\n\n-- upgrade\nCREATE TABLE early (id INTEGER);\n");
		String[] arguments = { "--spring.datasource.url=" + PostgresDatabase.create().url(),
				"--spring.datasource.username=postgres", "--migrations.locations=filesystem:" + revisions };
		try (ConfigurableApplicationContext context = application().run(arguments)) {
			assertThat(context.getBean(Migrations.class).current()).containsExactly("a1");
		}
		try (ConfigurableApplicationContext context = application().run(arguments)) {
			assertThat(context.getBean(HikariDataSource.class).isRunning()).isFalse();
			assertThat(context.getBean(MigrationsInitializer.class).getState())
				.isEqualTo(MigrationsInitializer.State.SUCCEEDED);
		}
	}

	private static SpringApplication application() {
		SpringApplication application = new SpringApplication(Config.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class })
	static class Config {

	}

}
