package dev.migration.autoconfigure;

import java.nio.file.Path;

import dev.migration.MigrationException;
import dev.migration.SchemaDiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationsSchemaCheck}: {@code migrations.target-schema} compared with
 * a migrated SQLite database.
 */
class MigrationsSchemaCheckTests {

	@TempDir
	Path directory;

	private ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + this.directory.resolve("app.db"));
	}

	@Test
	void theDefaultTargetSchemaMatchesTheMigratedDatabase() {
		contextRunner().run((context) -> {
			MigrationsSchemaCheck check = context.getBean(MigrationsSchemaCheck.class);
			assertThat(check.location()).isEqualTo("classpath:db/schema.sql");
			SchemaDiff diff = check.check();
			assertThat(diff.differences()).isEmpty();
			assertThat(diff.isEmpty()).isTrue();
		});
	}

	@Test
	void aTargetSchemaAheadOfTheRevisionsIsReportedWithTheRevisionItNeeds() {
		contextRunner().withPropertyValues("migrations.target-schema=classpath:db/desired/{vendor}.sql")
			.run((context) -> {
				MigrationsSchemaCheck check = context.getBean(MigrationsSchemaCheck.class);
				assertThat(check.location()).isEqualTo("classpath:db/desired/sqlite.sql");
				SchemaDiff diff = check.check();
				assertThat(diff.isEmpty()).isFalse();
				assertThat(String.join("\n", diff.differences())).contains("things", "size");
				assertThat(diff.upgradeSql()).contains("size");
			});
	}

	@Test
	void aMissingTargetSchemaNamesThePropertyAndTheLocation() {
		contextRunner().withPropertyValues("migrations.target-schema=classpath:db/nowhere.sql").run((context) -> {
			MigrationsSchemaCheck check = context.getBean(MigrationsSchemaCheck.class);
			assertThatExceptionOfType(MigrationException.class).isThrownBy(check::check)
				.withMessageContaining("classpath:db/nowhere.sql")
				.withMessageContaining("migrations.target-schema");
		});
	}

}
