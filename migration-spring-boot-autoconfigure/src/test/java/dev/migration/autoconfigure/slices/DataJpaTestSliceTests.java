package dev.migration.autoconfigure.slices;

import java.nio.file.Path;

import dev.migration.autoconfigure.MigrationsContextRunners;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataJpaTest} on the application's own database runs the startup upgrade before
 * Hibernate starts: Hibernate only validates the schema ({@code ddl-auto=validate}), so
 * it fails to start unless the revisions ran first.
 */
class DataJpaTestSliceTests {

	@TempDir
	static Path directory;

	// @DataJpaTest's transaction is not found for a test method declared above the nested
	// class
	@Transactional
	abstract static class SeesTheMigratedSchema {

		@Autowired
		TestEntityManager entityManager;

		@Test
		void seesTheMigratedSchema() {
			this.entityManager.persistFlushFind(new Thing(1, "a", "red"));
			assertThat(this.entityManager.find(Thing.class, 1).getColour()).isEqualTo("red");
		}

	}

	@Nested
	@DataJpaTest(properties = { "spring.jpa.hibernate.ddl-auto=validate",
			"spring.jpa.database-platform=org.hibernate.community.dialect.SQLiteDialect" })
	@AutoConfigureTestDatabase(replace = Replace.NONE)
	class OnSqlite extends SeesTheMigratedSchema {

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) {
			registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + directory.resolve("jpa-test.db"));
		}

	}

	@Nested
	@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
	@AutoConfigureTestDatabase(replace = Replace.NONE)
	class OnPostgres extends SeesTheMigratedSchema {

		@DynamicPropertySource
		static void database(DynamicPropertyRegistry registry) {
			MigrationsContextRunners.postgres(registry);
		}

	}

}
