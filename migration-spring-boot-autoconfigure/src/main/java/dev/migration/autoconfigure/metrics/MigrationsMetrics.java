package dev.migration.autoconfigure.metrics;

import java.time.Duration;

import dev.migration.MigrationException;
import dev.migration.MigrationListener;
import dev.migration.Migrations;
import dev.migration.Step;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Micrometer metrics: a {@code migrations.step} timer of the steps, tagged
 * {@code direction} and {@code outcome} (not by revision: one timer per revision would
 * grow without bound), and a {@code migrations.pending} gauge of the revisions between
 * the database and the target.
 */
public class MigrationsMetrics implements MigrationListener {

	private final MeterRegistry registry;

	public MigrationsMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void stepSucceeded(Step step, Duration duration) {
		record(step, duration, "success");
	}

	@Override
	public void stepFailed(Step step, Duration duration, MigrationException failure) {
		record(step, duration, "failure");
	}

	private void record(Step step, Duration duration, String outcome) {
		Timer.builder("migrations.step")
			.description("Time taken to apply, revert or stamp one revision")
			.tag("direction", step.direction().word())
			.tag("outcome", outcome)
			.register(this.registry)
			.record(duration);
	}

	/**
	 * Register the {@code migrations.pending} gauge, read from the database whenever it
	 * is scraped.
	 * @param migrations the migrations
	 * @param target where the database should be
	 * @param tags the gauge's tags: {@code instance} when there are several Migrations
	 * beans
	 */
	public void bindPendingGauge(Migrations migrations, String target, Tags tags) {
		Gauge.builder("migrations.pending", migrations, (source) -> pending(source, target))
			.description("Revisions not yet applied on the way to the target")
			.tags(tags)
			.register(this.registry);
	}

	private static double pending(Migrations migrations, String target) {
		try {
			return migrations.status(target, 0).requirePlannable().pending().size();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
