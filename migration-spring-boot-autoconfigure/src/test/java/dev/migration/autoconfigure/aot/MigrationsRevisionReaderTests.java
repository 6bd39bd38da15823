package dev.migration.autoconfigure.aot;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.migration.Migrations;
import dev.migration.RevisionIndex;
import dev.migration.autoconfigure.MigrationsContextRunners;
import dev.migration.autoconfigure.SqliteContextTests;
import org.junit.jupiter.api.Test;

import org.springframework.core.env.PropertySource;

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
	void theReadingThreadBindsTheLocationsItselfNotTheMainThread() {
		Set<String> askedBy = ConcurrentHashMap.newKeySet();
		// not enumerable, so the binder asks it by name
		PropertySource<Object> locations = new PropertySource<>("locations", new Object()) {

			@Override
			public Object getProperty(String name) {
				if (!name.startsWith("migrations.locations")) {
					return null;
				}
				askedBy.add(Thread.currentThread().getName());
				return name.equals("migrations.locations") ? "classpath:db/revisions" : null;
			}

		};
		this.contextRunner.withPropertyValues(migrationsUrl())
			.withInitializer((context) -> context.getEnvironment().getPropertySources().addFirst(locations))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MigrationsRevisionReader.class).startedReading()).isTrue();
				assertThat(context.getBean(Migrations.class).current()).containsExactly("a00000000002");
				// the main thread binds MigrationsProperties later, once: not the
				// reader's
				// pair
				assertThat(askedBy).contains("migrations-read");
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

	@Test
	void doesNotReadAheadWithRunOnStartupOff() {
		this.contextRunner.withPropertyValues(migrationsUrl(), "migrations.run-on-startup=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MigrationsRevisionReader.class).startedReading()).isFalse();
			assertThat(context.getBean(Migrations.class).heads()).containsExactly("a00000000002");
		});
	}

	@Test
	void readsTheFilesThatTheIndexOfSpringAotListsWhenTheGeneratedCodeRegisteredOne() {
		// what the generated code registers; the index names one of the two files on the
		// class path
		RevisionIndex index = RevisionIndex.of(Map.of("db/revisions", List.of("a00000000001_create_things.sql")),
				Map.of());
		withIndex(index).withPropertyValues(migrationsUrl()).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MigrationsRevisionReader.class).startedReading()).isTrue();
			assertThat(context.getBean(Migrations.class).current()).containsExactly("a00000000001");
		});
	}

}
