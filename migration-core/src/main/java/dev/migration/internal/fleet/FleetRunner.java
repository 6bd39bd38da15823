package dev.migration.internal.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.migration.FleetResult;
import dev.migration.FleetResult.Outcome;
import dev.migration.FleetResult.State;
import dev.migration.FleetTarget;
import dev.migration.MigrationException;

/**
 * Runs one task per target on at most N threads, in the fleet's order. A failure stops
 * only its own target, unless fail-fast: then targets not yet started are left alone
 * (those running finish their command, as stopping one between statements would leave it
 * in no better state).
 *
 * @param parallelism how many targets run at once, at least 1
 * @param failFast whether a failure keeps targets that have not started yet from starting
 */
public record FleetRunner(int parallelism, boolean failFast) {

	/** What runs for one target; an exception is that target's failure. */
	@FunctionalInterface
	public interface Task<R> {

		R run(FleetTarget target) throws Exception;

	}

	public FleetRunner {
		if (parallelism < 1) {
			throw new MigrationException("Parallelism must be at least 1, got " + parallelism + ".");
		}
	}

	public <R> FleetResult<R> run(List<FleetTarget> targets, Task<R> task) {
		if (targets.isEmpty()) {
			return new FleetResult<>(List.of());
		}
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger threads = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(this.parallelism, targets.size()), (runnable) -> {
			Thread thread = new Thread(runnable, "migrations-fleet-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<Outcome<R>>> futures = new ArrayList<>(targets.size());
			for (FleetTarget target : targets) {
				futures.add(pool.submit(() -> {
					if (stop.get()) {
						return new Outcome<R>(target, State.NOT_STARTED, null, null);
					}
					try {
						return new Outcome<R>(target, State.SUCCEEDED, task.run(target), null);
					}
					catch (Exception ex) {
						if (this.failFast) {
							stop.set(true);
						}
						return new Outcome<R>(target, State.FAILED, null, ex);
					}
				}));
			}
			List<Outcome<R>> outcomes = new ArrayList<>(targets.size());
			for (Future<Outcome<R>> future : futures) {
				outcomes.add(future.get());
			}
			return new FleetResult<>(outcomes);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationException("Interrupted while the fleet ran; targets running now finish their current "
					+ "command, no new one starts.", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			stop.set(true);
			pool.shutdown();
		}
	}

}
