package dev.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * What a fleet command did, per target in the fleet's order.
 *
 * @param <R> what the command returns for one target
 * @param outcomes one per target, including those not started after a failure with
 * fail-fast
 */
public record FleetResult<R>(List<Outcome<R>> outcomes) {

	public FleetResult {
		outcomes = List.copyOf(outcomes);
	}

	public int succeeded() {
		return count(State.SUCCEEDED);
	}

	public int failed() {
		return count(State.FAILED);
	}

	/**
	 * Targets that were not started because another failed first and the fleet was told
	 * to stop.
	 */
	public int notStarted() {
		return count(State.NOT_STARTED);
	}

	public boolean isSuccess() {
		return failed() == 0 && notStarted() == 0;
	}

	/** The targets that failed, in fleet order. */
	public List<Outcome<R>> failures() {
		List<Outcome<R>> failures = new ArrayList<>();
		for (Outcome<R> outcome : this.outcomes) {
			if (outcome.state() == State.FAILED) {
				failures.add(outcome);
			}
		}
		return failures;
	}

	/**
	 * {@code <n> schemas: <ok> ok, <failed> failed}, or {@code <n> databases: ...}: the
	 * last line of a fleet command. The caller says which, since an empty part of a fleet
	 * has no target to tell.
	 * @param databases whether the targets are databases ({@code --urls}) rather than
	 * schemas
	 */
	public String summary(boolean databases) {
		return this.outcomes.size() + (databases ? " databases" : " schemas") + ": " + succeeded() + " ok, " + failed()
				+ " failed";
	}

	private int count(State state) {
		int count = 0;
		for (Outcome<R> outcome : this.outcomes) {
			if (outcome.state() == state) {
				count++;
			}
		}
		return count;
	}

	/** How one target ended. */
	public enum State {

		SUCCEEDED, FAILED, NOT_STARTED

	}

	/**
	 * One target's end.
	 *
	 * @param <R> what the command returns
	 * @param target the target
	 * @param state how it ended
	 * @param value what the command returned, when it succeeded
	 * @param failure why it failed, when it failed
	 */
	public record Outcome<R>(FleetTarget target, State state, R value, Throwable failure) {

	}

}
