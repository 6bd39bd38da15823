package dev.migration;

import java.util.List;

/**
 * What a command will do: the ordered steps from the current version rows to the target.
 * A plan is a value; the runner executes it, {@code --sql} renders it, the endpoint's dry
 * run shows it.
 *
 * @param direction the command
 * @param targets the targets as given
 * @param fromRows the version rows the plan starts from
 * @param steps the steps in order
 * @param toRows the version rows after the last step
 */
public record Plan(Direction direction, List<String> targets, List<String> fromRows, List<Step> steps,
		List<String> toRows) {

	public Plan {
		targets = List.copyOf(targets);
		fromRows = List.copyOf(fromRows);
		steps = List.copyOf(steps);
		toRows = List.copyOf(toRows);
	}

	/** {@code true} when there is nothing to do. */
	public boolean isEmpty() {
		return this.steps.isEmpty();
	}

}
