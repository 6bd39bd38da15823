package dev.migration.internal.dialect;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history row's time is written as text once per step: the hand-written formatter
 * must print exactly what {@link DateTimeFormatter#ISO_INSTANT} prints.
 */
class IsoInstantTests {

	@Property(tries = 3000)
	void printsWhatIsoInstantPrints(@ForAll("instants") Instant instant) {
		assertThat(IsoInstant.format(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
	}

	@Example
	void printsTheFractionInGroupsOfThreeDigits() {
		assertThat(IsoInstant.format(Instant.parse("2026-12-07T18:37:05Z"))).isEqualTo("2026-12-07T18:37:05Z");
		assertThat(IsoInstant.format(Instant.parse("2026-12-07T18:37:05.120Z"))).isEqualTo("2026-12-07T18:37:05.120Z");
		assertThat(IsoInstant.format(Instant.parse("2026-01-02T03:04:05.000123Z")))
			.isEqualTo("2026-01-02T03:04:05.000123Z");
		assertThat(IsoInstant.format(Instant.parse("1970-01-01T00:00:00.000000001Z")))
			.isEqualTo("1970-01-01T00:00:00.000000001Z");
	}

	@Provide
	Arbitrary<Instant> instants() {
		// 1970 to 9999, with whole seconds, milli-, micro- and nanosecond fractions
		Arbitrary<Long> seconds = Arbitraries.longs().between(0, 253402300799L);
		Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0),
				Arbitraries.integers().between(0, 999).map((millis) -> millis * 1_000_000),
				Arbitraries.integers().between(0, 999_999).map((micros) -> micros * 1_000),
				Arbitraries.integers().between(0, 999_999_999));
		return seconds.flatMap((second) -> nanos.map((nano) -> Instant.ofEpochSecond(second, nano)));
	}

}
