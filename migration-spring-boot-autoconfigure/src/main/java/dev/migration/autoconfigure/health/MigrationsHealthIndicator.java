package dev.migration.autoconfigure.health;

import dev.migration.MigrationStatus;
import dev.migration.Migrations;
import dev.migration.Redactor;
import dev.migration.UnfinishedRevision;
import dev.migration.autoconfigure.MigrationsInitializer;
import dev.migration.autoconfigure.MigrationsInitializer.State;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the schema: {@code UP} when the database is at the target, {@code OUT_OF_SERVICE} while revisions are
 * pending or the startup upgrade is running, {@code DOWN} when the startup upgrade failed or the database cannot be
 * read. Details: current revisions, heads, pending revisions, the state of the startup upgrade, and each
 * non-transactional revision that was started and did not finish (which no upgrade passes until a stamp).
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final Migrations migrations;

	private final MigrationsInitializer initializer;

	private final String target;

	private final Redactor redactor;

	/**
	 * Create a new indicator.
	 * @param migrations the migrations
	 * @param initializer the startup runner, or {@code null} when there is none
	 * @param target where the database should be
	 */
	public MigrationsHealthIndicator(Migrations migrations, MigrationsInitializer initializer, String target) {
		this(migrations, initializer, target, migrations.configuration().redactor());
	}

	/**
	 * Create a new indicator.
	 * @param migrations the migrations
	 * @param initializer the startup runner, or {@code null} when there is none
	 * @param target where the database should be
	 * @param redactor masks the application's passwords in the error detail
	 */
	public MigrationsHealthIndicator(Migrations migrations, MigrationsInitializer initializer, String target,
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
		builder.withDetail("startup", state.name().toLowerCase());
		if (state == State.FAILED) {
			down(builder, this.initializer.getFailure());
			return;
		}
		try {
			check(builder, state);
		}
		catch (RuntimeException ex) {
			// what the base class would do, but its "error" detail is the raw message, which may quote a driver
			down(builder, ex);
		}
	}

	private void down(Health.Builder builder, Throwable failure) {
		builder.down().withDetail("error", this.redactor.redact(failure.getClass().getName() + ": "
				+ failure.getMessage()));
	}

	/** One read of the core's status; a target that cannot be planned is DOWN, as the plan's failure was before. */
	private void check(Health.Builder builder, State state) {
		MigrationStatus status = this.migrations.status(this.target, 0);
		if (status.pendingFailure() != null) {
			throw status.pendingFailure();
		}
		builder.withDetail("current", status.current())
			.withDetail("heads", status.heads())
			.withDetail("target", this.target)
			.withDetail("pending", status.pending());
		if (!status.unfinished().isEmpty()) {
			builder.withDetail("unfinished", status.unfinished().stream().map(UnfinishedRevision::describe).toList());
		}
		if (state == State.RUNNING || !status.upToDate()) {
			builder.outOfService();
		}
		else {
			builder.up();
		}
	}

}
