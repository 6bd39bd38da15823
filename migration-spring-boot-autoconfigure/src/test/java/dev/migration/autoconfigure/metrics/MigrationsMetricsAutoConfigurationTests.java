package dev.migration.autoconfigure.metrics;

import dev.migration.MigrationConfiguration;
import dev.migration.Migrations;
import dev.migration.autoconfigure.MigrationsContextRunners;
import dev.migration.autoconfigure.SqliteContextTests;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsMetricsAutoConfiguration}.
 */
class MigrationsMetricsAutoConfigurationTests extends SqliteContextTests {

	MigrationsMetricsAutoConfigurationTests() {
		super(MigrationsContextRunners.withDataSource(MigrationsMetricsAutoConfiguration.class)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new));
	}

	@Test
	void timesEveryStepInOneTimerPerOutcomeNotOnePerRevision() {
		runner().run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("migrations.step").timers()).singleElement().satisfies((timer) -> {
				assertThat(timer.getId().getTag("outcome")).isEqualTo("success");
				assertThat(timer.getId().getTag("direction")).isEqualTo("upgrade");
				assertThat(timer.getId().getTag("revision")).isNull();
				assertThat(timer.count()).isEqualTo(2);
			});
		});
	}

	@Test
	void gaugesPendingRevisions() {
		runner().withPropertyValues("migrations.run-on-startup=false").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("migrations.pending").gauge().value()).isEqualTo(2);
		});
	}

	@Test
	void gaugesPendingRevisionsOfEachMigrationsBean() {
		runner().withPropertyValues("migrations.run-on-startup=false")
			.withBean("orders", Migrations.class, () -> sqlite("orders.db", "classpath:db/revisions"))
			.withBean("books", Migrations.class, () -> sqlite("books.db", "classpath:db/endpoint"))
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("migrations.pending").tag("instance", "orders").gauge().value()).isEqualTo(2);
				assertThat(registry.get("migrations.pending").tag("instance", "books").gauge().value()).isEqualTo(4);
			});
	}

	@Test
	void backsOffWithoutMicrometer() {
		runner().withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsMetrics.class));
	}

	private Migrations sqlite(String file, String location) {
		return Migrations.create(MigrationConfiguration.builder()
			.url("jdbc:sqlite:" + this.directory.resolve(file))
			.locations(location)
			.build());
	}

}
