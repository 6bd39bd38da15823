package dev.migration.autoconfigure.slices;

import java.nio.file.Path;

import dev.migration.autoconfigure.MigrationsContextRunners;
import dev.migration.autoconfigure.MigrationsInitializer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @JdbcTest} on the application's own database runs the startup upgrade, as a full
 * application does.
 */
class JdbcTestSliceTests {

	@TempDir
	static Path directory;

	abstract static class SeesTheMigratedSchema {

		@Autowired
		JdbcTemplate jdbcTemplate;

		@Autowired
		MigrationsInitializer initializer;

		@Test
		void seesTheMigratedSchema() {
			assertThat(this.initializer.getState()).isEqualTo(MigrationsInitializer.State.SUCCEEDED);
			assertThat(this.jdbcTemplate.queryForList("SELECT version_num FROM migration_version", String.class))
				.containsExactly("a00000000002");
			this.jdbcTemplate.update("INSERT INTO things (id, name, colour) VALUES (1, 'a', 'red')");
		}

	}

	@Nested
	@JdbcTest
	@AutoConfigureTestDatabase(replace = Replace.NONE)
	class OnSqlite extends SeesTheMigratedSchema {

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) {
			registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + directory.resolve("jdbc-test.db"));
		}

	}

	@Nested
	@JdbcTest
	@AutoConfigureTestDatabase(replace = Replace.NONE)
	class OnPostgres extends SeesTheMigratedSchema {

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) {
			MigrationsContextRunners.postgres(registry);
		}

	}

}
