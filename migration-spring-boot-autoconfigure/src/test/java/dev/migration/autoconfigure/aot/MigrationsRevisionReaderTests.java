package dev.migration.autoconfigure.aot;

import dev.migration.Migrations;
import dev.migration.autoconfigure.MigrationsContextRunners;
import dev.migration.autoconfigure.SqliteContextTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the revisions are read ahead, on a thread of their own, and when not.
 */
class MigrationsRevisionReaderTests extends SqliteContextTests {

	MigrationsRevisionReaderTests() {
		super(MigrationsContextRunners.withoutDataSource());
	}

	@Test
	void readsAheadOnceTheAutoConfigurationMatchedAndTheBeanTakesWhatItRead() {
		this.contextRunner.withPropertyValues(migrationsUrl()).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MigrationsRevisionReader.class).startedReading()).isTrue();
			assertThat(context.getBean(Migrations.class).current()).containsExactly("a00000000002");
		});
	}

	@Test
	void aMissingLocationFailsTheStartAsWhenReadOnTheMainThread() {
		this.contextRunner.withPropertyValues(migrationsUrl(), "migrations.locations=classpath:db/missing")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("classpath:db/missing"));
	}

	@Test
	void doesNotReadAheadWhenDisabledOrWhenTheLocationNamesTheVendor() {
		this.contextRunner.withPropertyValues(migrationsUrl(), "migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsRevisionReader.class));
		this.contextRunner.withPropertyValues(migrationsUrl(), "migrations.locations=classpath:db/{vendor}")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MigrationsRevisionReader.class).startedReading()).isFalse();
				assertThat(context.getBean(Migrations.class).current()).containsExactly("c00000000001");
			});
	}

}
