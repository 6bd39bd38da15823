package dev.migration;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One or more targets of a fleet run failed; the others ran to the end. The message is
 * the summary line, the failed targets' names and one line per failure,
 * {@code [<target>] <its message>}; the cause is the first failure.
 */
public final class FleetFailedException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final transient List<FleetResult.Outcome<?>> failures;

	/**
	 * @param result a run with at least one failed target
	 * @param databases whether the targets are databases rather than schemas, as in
	 * {@link FleetResult#summary(boolean)}
	 */
	public FleetFailedException(FleetResult<?> result, boolean databases) {
		super(result.summary(databases) + " ("
				+ result.failures().stream().map((failure) -> failure.target().name()).collect(Collectors.joining(", "))
				+ ")." + lines(List.copyOf(result.failures()), Throwable::getMessage),
				result.failures().get(0).failure());
		this.failures = List.copyOf(result.failures());
	}

	/**
	 * One line per failed target, each after a line break:
	 * {@code [<target>] <text of its failure>}.
	 * @param text what to say of a failure, e.g. how to fix it
	 * @return the lines
	 */
	public String perTarget(Function<Throwable, String> text) {
		return lines(this.failures, text);
	}

	private static String lines(List<FleetResult.Outcome<?>> failures, Function<Throwable, String> text) {
		return failures.stream()
			.map((failure) -> System.lineSeparator() + "[" + failure.target().name() + "] "
					+ text.apply(failure.failure()))
			.collect(Collectors.joining());
	}

}
