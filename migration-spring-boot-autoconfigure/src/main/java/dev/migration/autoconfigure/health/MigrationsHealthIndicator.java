package dev.migration.autoconfigure.health;

import java.util.List;

import dev.migration.Direction;
import dev.migration.Migrations;
import dev.migration.Step;
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

	/**
	 * Create a new indicator.
	 * @param migrations the migrations
	 * @param initializer the startup runner, or {@code null} when there is none
	 * @param target where the database should be
	 */
	public MigrationsHealthIndicator(Migrations migrations, MigrationsInitializer initializer, String target) {
		super("Migrations health check failed");
		this.migrations = migrations;
		this.initializer = initializer;
		this.target = target;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		State state = (this.initializer != null) ? this.initializer.getState() : State.NOT_RUN;
		builder.withDetail("startup", state.name().toLowerCase());
		if (state == State.FAILED) {
			builder.down(this.initializer.getFailure());
			return;
		}
		List<String> pending = this.migrations.plan(Direction.UPGRADE, List.of(this.target))
			.steps()
			.stream()
			.map(Step::revision)
			.toList();
		List<String> unfinished = this.migrations.unfinished().stream().map(UnfinishedRevision::describe).toList();
		builder.withDetail("current", this.migrations.current())
			.withDetail("heads", this.migrations.heads())
			.withDetail("target", this.target)
			.withDetail("pending", pending);
		if (!unfinished.isEmpty()) {
			builder.withDetail("unfinished", unfinished);
		}
		if (state == State.RUNNING || !pending.isEmpty()) {
			builder.outOfService();
		}
		else {
			builder.up();
		}
	}

}
