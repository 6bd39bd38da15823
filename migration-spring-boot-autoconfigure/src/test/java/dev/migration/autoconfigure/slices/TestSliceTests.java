package dev.migration.autoconfigure.slices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.migration.autoconfigure.MigrationsContextRunners;
import dev.migration.autoconfigure.MigrationsInitializer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test slices on the application's own database run the startup upgrade, as a full
 * application does: each slice on each database, the database set by the enclosing class
 * and the slice by the test's superclass, so that each is written once.
 */
class TestSliceTests {

	@TempDir
	static Path directory;

	/**
	 * {@code @JdbcTest} sees the migrated schema and the upgrade's state.
	 */
	@JdbcTest
	@AutoConfigureTestDatabase(replace = Replace.NONE)
	abstract static class JdbcTestSeesTheMigratedSchema {

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

	/**
	 * {@code @DataJpaTest} runs the startup upgrade before Hibernate starts: Hibernate
	 * only validates the schema ({@code ddl-auto=validate}), so it fails to start unless
	 * the revisions ran first.
	 */
	@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
	@AutoConfigureTestDatabase(replace = Replace.NONE)
	// @DataJpaTest's transaction is not found for a test method declared above the nested
	// class
	@Transactional
	abstract static class DataJpaTestSeesTheMigratedSchema {

		@Autowired
		TestEntityManager entityManager;

		@Test
		void seesTheMigratedSchema() {
			this.entityManager.persistFlushFind(new Thing(1, "a", "red"));
			assertThat(this.entityManager.find(Thing.class, 1).getColour()).isEqualTo("red");
		}

	}

	@Nested
	class OnSqlite {

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) throws IOException {
			// a new file for each slice's context, as each gets a new PostgreSQL
			// database: an upgrade by another slice must not stand in for this one's
			Path file = Files.createTempFile(directory, "slice", ".db");
			registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + file);
			registry.add("spring.jpa.database-platform", () -> "org.hibernate.community.dialect.SQLiteDialect");
		}

		@Nested
		class Jdbc extends JdbcTestSeesTheMigratedSchema {

		}

		@Nested
		class DataJpa extends DataJpaTestSeesTheMigratedSchema {

		}

	}

	@Nested
	class OnPostgres {

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) {
			MigrationsContextRunners.postgres(registry);
		}

		@Nested
		class Jdbc extends JdbcTestSeesTheMigratedSchema {

		}

		@Nested
		class DataJpa extends DataJpaTestSeesTheMigratedSchema {

		}

	}

}
