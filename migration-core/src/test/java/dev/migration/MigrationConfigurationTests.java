package dev.migration;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MigrationConfigurationTests {

	@TempDir
	Path directory;

	@Test
	void theVendorPlaceholderIsTheDialectOrTheVendorTheUrlNames() {
		assertThat(
				MigrationConfiguration.builder().url("jdbc:postgresql://db/app").build().resolveVendor("db/{vendor}"))
			.isEqualTo("db/postgresql");
		assertThat(MigrationConfiguration.builder().dialect("sqlite").build().resolveVendor("{vendor}.sql"))
			.isEqualTo("sqlite.sql");
		assertThat(MigrationConfiguration.builder().build().resolveVendor("db/revisions")).isEqualTo("db/revisions");
	}

	@Test
	void theTargetSchemaIsBesideTheRevisionsFolderUnlessTheyAreOnTheClasspath() {
		assertThat(MigrationConfiguration.targetSchemaBeside("filesystem:db/revisions"))
			.isEqualTo(Path.of("db/schema.sql"));
		assertThat(MigrationConfiguration.targetSchemaBeside("revisions")).isEqualTo(Path.of("schema.sql"));
		assertThat(MigrationConfiguration.targetSchemaBeside("."))
			.isEqualTo(Path.of("").toAbsolutePath().getParent().resolve("schema.sql"));
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> MigrationConfiguration.targetSchemaBeside("classpath:db/revisions"))
			.withMessageContaining("--target-schema FILE");
	}

	@Test
	void theVendorOfADataSourceIsWhatTheUrlOfItsConnectionNames() {
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + this.directory.resolve("app.db"));
		assertThat(
				MigrationConfiguration.builder().dataSource(dataSource).build().resolveVendor("classpath:db/{vendor}"))
			.isEqualTo("classpath:db/sqlite");
	}

	@Test
	void aVendorPlaceholderWithoutADatabaseIsRefusedWithoutItsPassword() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> MigrationConfiguration.builder()
				.url("postgres://app:s3cret@db/app")
				.build()
				.resolveVendor("db/{vendor}"))
			.withMessageContaining("Cannot resolve {vendor} in 'db/{vendor}'")
			.withMessageNotContaining("s3cret");
	}

	@Test
	void defaultsAreTheContractsDefaults() {
		MigrationConfiguration configuration = MigrationConfiguration.builder().build();

		assertThat(configuration.locations()).containsExactly("classpath:db/revisions");
		assertThat(configuration.versionTable()).isEqualTo("migration_version");
		assertThat(configuration.historyTable()).isEqualTo("migration_history");
		assertThat(configuration.lockTimeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(configuration.validateChecksums()).isTrue();
		assertThat(configuration.ignoreUnknownRevisions()).isFalse();
		assertThat(configuration.schema()).isNull();
	}

	@Test
	void noTableNameLeavesTheDefault() {
		MigrationConfiguration configuration = MigrationConfiguration.builder()
			.versionTable("alembic_version")
			.historyTable("log")
			.build()
			.toBuilder()
			.versionTable(null)
			.historyTable(null)
			.build();

		assertThat(configuration.versionTable()).isEqualTo(MigrationConfiguration.DEFAULT_VERSION_TABLE);
		assertThat(configuration.historyTable()).isEqualTo(MigrationConfiguration.DEFAULT_HISTORY_TABLE);
	}

	@Test
	void tableNamesThatAreNotPlainIdentifiersAreRefused() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> MigrationConfiguration.builder().versionTable("v; DROP TABLE users").build())
			.withMessageContaining("version table");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> MigrationConfiguration.builder().schema("a\"b").build())
			.withMessageContaining("schema");
	}

	@Test
	void toStringNeverShowsThePassword() {
		MigrationConfiguration configuration = MigrationConfiguration.builder()
			.url("jdbc:postgresql://app:s3cret@db/app?password=s3cret")
			.password("s3cret")
			.devUrl("jdbc:postgresql://dev:s3cret@db/scratch?password=s3cret")
			.devPassword("s3cret")
			.build();

		assertThat(configuration.toString()).doesNotContain("s3cret")
			.contains("jdbc:postgresql://app:****@db/app?password=****")
			.contains("devUrl=jdbc:postgresql://dev:****@db/scratch?password=****");
	}

	@Test
	void toBuilderKeepsEverySetting() {
		MigrationConfiguration configuration = MigrationConfiguration.builder()
			.url("jdbc:sqlite:a.db")
			.schema("s")
			.versionTable("v")
			.historyTable("h")
			.lockTimeout(Duration.ofSeconds(5))
			.validateChecksums(false)
			.ignoreUnknownRevisions(true)
			.dialect("sqlite")
			.devUrl("jdbc:postgresql://localhost/scratch")
			.devUser("dev")
			.devPassword("secret")
			.build();

		assertThat(configuration.toBuilder().build()).isEqualTo(configuration);
	}

	@Test
	void aBlankDevUrlMeansNoDevDatabase() {
		assertThat(MigrationConfiguration.builder().devUrl(" ").build().devUrl()).isNull();
	}

}
