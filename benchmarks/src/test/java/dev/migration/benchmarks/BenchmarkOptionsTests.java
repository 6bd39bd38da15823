package dev.migration.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Spring start comparison's modes and the spread it reports. */
class BenchmarkOptionsTests {

	@Test
	void everyModeRunsUnlessTheModesAreGiven() {
		assertThat(Benchmark.Options.parse(new String[0]).springModes).containsExactly("none", "background", "query",
				"flyway", "ours");
		assertThat(
				Benchmark.Options.parse(new String[] { "--spring-modes", "none,background,flyway,ours" }).springModes)
			.containsExactly("none", "background", "flyway", "ours");
	}

	@Test
	void quartilesInterpolateBetweenTheNearestValues() {
		List<Double> values = List.of(40.0, 10.0, 30.0, 20.0, 50.0);
		assertThat(Benchmark.quantile(values, 0.25)).isEqualTo(20.0);
		assertThat(Benchmark.quantile(values, 0.5)).isEqualTo(30.0);
		assertThat(Benchmark.quantile(List.of(10.0, 20.0), 0.75)).isCloseTo(17.5, within(1e-9));
		assertThat(Benchmark.quantile(List.of(), 0.5)).isNaN();
	}

	@Test
	void theMediansIntervalIsTheSignTestsOrderStatistics() {
		List<Double> forty = new ArrayList<>();
		for (int value = 40; value >= 1; value--) {
			forty.add((double) value);
		}
		// P(heads <= 13 of 40) = 1.9%, P(heads <= 14) = 4.0%: the 14th smallest and
		// largest
		assertThat(Benchmark.medianInterval(forty)).hasValueSatisfying((interval) -> {
			assertThat(interval[0]).isEqualTo(14.0);
			assertThat(interval[1]).isEqualTo(27.0);
		});
		assertThat(Benchmark.medianInterval(List.of(3.0, 1.0, 2.0, 6.0, 5.0, 4.0)))
			.hasValueSatisfying((interval) -> assertThat(interval).containsExactly(1.0, 6.0));
		assertThat(Benchmark.medianInterval(List.of(1.0, 2.0, 3.0, 4.0, 5.0))).isEmpty();
	}

}
