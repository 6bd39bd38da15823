package dev.migration.autoconfigure.health;

import java.util.Locale;

import dev.migration.MigrationStatus;
import dev.migration.Migrations;
import dev.migration.Redactor;
import dev.migration.UnfinishedRevision;
import dev.migration.autoconfigure.MigrationsInitializer;
import dev.migration.autoconfigure.MigrationsInitializer.State;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of one database's schema, mapped from the core's status: {@code UP} at the
 * target, {@code OUT_OF_SERVICE} while revisions are pending or the startup upgrade runs,
 * {@code DOWN} when the startup upgrade failed or the database cannot be read or planned.
 * Details: {@code startup}, {@code current}, {@code heads}, {@code target},
 * {@code pending}, and {@code unfinished} when a non-transactional revision was started
 * and did not finish.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final Migrations migrations;

	private final @Nullable MigrationsInitializer initializer;

	private final String target;

	private final Redactor redactor;

	/**
	 * @param migrations the instance
	 * @param initializer its startup work, or {@code null} when there is none
	 * @param target where the database should be
	 * @param redactor masks the application's passwords in the error detail
	 */
	public MigrationsHealthIndicator(Migrations migrations, @Nullable MigrationsInitializer initializer, String target,
			Redactor redactor) {
		super("Migrations health check failed");
		this.migrations = migrations;
		this.initializer = initializer;
		this.target = target;
		this.redactor = redactor;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		State state = (this.initializer != null) ? this.initializer.getState() : State.NOT_RUN;
		builder.withDetail("startup", state.name().toLowerCase(Locale.ROOT));
		try {
			if (state == State.FAILED) {
				throw this.initializer.getFailure();
			}
			MigrationStatus status = this.migrations.status(this.target, 0).requirePlannable();
			builder.withDetail("current", status.current())
				.withDetail("heads", status.heads())
				.withDetail("target", this.target)
				.withDetail("pending", status.pending());
			if (!status.unfinished().isEmpty()) {
				builder.withDetail("unfinished",
						status.unfinished().stream().map(UnfinishedRevision::describe).toList());
			}
			if (state == State.RUNNING || !status.upToDate()) {
				builder.outOfService();
			}
			else {
				builder.up();
			}
		}
		catch (RuntimeException ex) {
			// not the base class's "error" detail: the raw message may quote a driver
			builder.down().withDetail("error", this.redactor.redact(ex.getClass().getName() + ": " + ex.getMessage()));
		}
	}

}
