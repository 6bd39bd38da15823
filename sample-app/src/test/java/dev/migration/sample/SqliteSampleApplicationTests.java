package dev.migration.sample;

import java.nio.file.Path;
import java.util.List;

import dev.migration.Migrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application on a new SQLite file, as {@code java -jar sample-app.jar} runs
 * it by default.
 */
class SqliteSampleApplicationTests extends AbstractSampleApplicationTests {

	@TempDir
	static Path directory;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + directory.resolve("sample.db"));
	}

	@Override
	Migrations scratchMigrations() {
		return Migrations.create(this.migrations.configuration()
			.toBuilder()
			.dataSource(null)
			.url("jdbc:sqlite:" + directory.resolve("scratch.db"))
			.build());
	}

	@Test
	void secondStartAppliesNothing() {
		String url = "jdbc:sqlite:" + directory.resolve("restarted.db");
		for (int start = 1; start <= 2; start++) {
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
				.run("--spring.datasource.url=" + url, "--server.port=0")) {
				List<String> upgrades = context.getBean(JdbcClient.class)
					.sql("SELECT revision FROM migration_history WHERE direction = 'upgrade'")
					.query(String.class)
					.list();
				assertThat(upgrades).hasSize(4);
			}
		}
	}

}
