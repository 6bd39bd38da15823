package dev.migration.autoconfigure.health;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.migration.autoconfigure.CountingDataSource;
import dev.migration.autoconfigure.MigrationsContextRunners;
import dev.migration.autoconfigure.MigrationsInitializer;
import dev.migration.autoconfigure.SqliteContextTests;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link MigrationsHealthContributorAutoConfiguration} and
 * {@link MigrationsHealthIndicator}.
 */
class MigrationsHealthContributorAutoConfigurationTests extends SqliteContextTests {

	MigrationsHealthContributorAutoConfigurationTests() {
		super(MigrationsContextRunners.withDataSource(MigrationsHealthContributorAutoConfiguration.class));
	}

	@Test
	void isUpAtTheTarget() {
		runner().run((context) -> {
			Health health = context.getBean(MigrationsHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("current", List.of("a00000000002"))
				.containsEntry("pending", List.of())
				.containsEntry("startup", "succeeded");
		});
	}

	@Test
	void isOutOfServiceWhileRevisionsArePending() {
		runner().withPropertyValues("migrations.run-on-startup=false").run((context) -> {
			Health health = context.getBean(MigrationsHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(health.getDetails()).containsEntry("pending", List.of("a00000000001", "a00000000002"))
				.containsEntry("startup", "not_run");
		});
	}

	@Test
	void isDownWhenTheBackgroundUpgradeFailed() {
		runner().withPropertyValues("migrations.async=true", "migrations.locations=classpath:db/failing")
			.run((context) -> {
				MigrationsInitializer initializer = context.getBean(MigrationsInitializer.class);
				await().atMost(Duration.ofSeconds(20))
					.until(() -> initializer.getState() == MigrationsInitializer.State.FAILED);
				Health health = context.getBean(MigrationsHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("startup", "failed");
				assertThat(health.getDetails().get("error").toString()).contains("f00000000002");
			});
	}

	@Test
	void namesANonTransactionalRevisionThatDidNotFinish() {
		halfDone().run((context) -> {
			leaveUnfinished(context);
			Health health = context.getBean(MigrationsHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertUnfinishedHalf(health.getDetails().get("unfinished"));
		});
	}

	@Test
	void aProbeIsOneConnectionAndOneQuery() {
		CountingDataSource counting = new CountingDataSource("jdbc:sqlite:" + this.directory.resolve("counted.db"));
		this.contextRunner.withBean(DataSource.class, counting::dataSource).run((context) -> {
			MigrationsHealthIndicator indicator = context.getBean(MigrationsHealthIndicator.class);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			counting.reset();

			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

			assertThat(counting.connections()).isEqualTo(1);
			assertThat(counting.tableQueries()).hasSize(1);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		runner().withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class));
	}

}
