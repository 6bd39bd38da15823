package dev.migration;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet run with failed targets as one exception: the summary, the names and one line
 * per failure, whatever the targets' order.
 */
class FleetFailedExceptionTests {

	private final FleetResult<Object> result = new FleetResult<>(List.of(outcome("a", null),
			outcome("b", new MigrationException("b broke.")), outcome("c", new IllegalStateException("c broke."))));

	@Test
	void theMessageIsTheSummaryTheFailedNamesAndOneLinePerFailure() {
		FleetFailedException failed = new FleetFailedException(this.result, false);
		String lineBreak = System.lineSeparator();
		assertThat(failed)
			.hasMessage("3 schemas: 1 ok, 2 failed (b, c)." + lineBreak + "[b] b broke." + lineBreak + "[c] c broke.");
		assertThat(failed.getCause()).hasMessage("b broke.");
	}

	@Test
	void eachFailureIsDescribedAsTheCallerAsks() {
		assertThat(
				new FleetFailedException(this.result, true).perTarget((failure) -> failure.getClass().getSimpleName()))
			.isEqualTo(System.lineSeparator() + "[b] MigrationException" + System.lineSeparator()
					+ "[c] IllegalStateException");
		assertThat(new FleetFailedException(this.result, true).getMessage()).startsWith("3 databases: 1 ok, 2 failed");
	}

	private static FleetResult.Outcome<Object> outcome(String schema, Exception failure) {
		return new FleetResult.Outcome<>(FleetTarget.schema(schema),
				(failure != null) ? FleetResult.State.FAILED : FleetResult.State.SUCCEEDED, null, failure);
	}

}
