package dev.migration.benchmarks;

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

}
