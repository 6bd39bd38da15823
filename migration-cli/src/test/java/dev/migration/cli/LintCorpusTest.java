package dev.migration.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.migration.cli.Cli.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lint over the real-world corpus (src/test/resources/corpus), without a database:
 * the findings per rule are the ones read and judged in docs/lint.md, so that a change of
 * a rule that moves them shows here.
 */
class LintCorpusTest {

	static Stream<Arguments> corpora() {
		return Stream.of(
				Arguments.of("atuin/postgresql", 1,
						"dropping-column=1 dropping-table=2 missing-lock-timeout=12 require-concurrent-index=3"),
				Arguments.of("atuin/sqlite", 0, "dropping-column=1 dropping-table=1"),
				Arguments.of("keto/postgresql", 1, "constraint-missing-not-valid=4 downgrade-drops-data=3 "
						+ "dropping-table=4 missing-lock-timeout=16 renaming-table=2 require-concurrent-index=5"),
				Arguments.of("keto/sqlite", 0, "downgrade-drops-data=3 dropping-table=4 renaming-table=2"),
				Arguments.of("authelia/postgresql", 1,
						"constraint-missing-not-valid=26 downgrade-drops-data=40 "
								+ "dropping-table=21 missing-lock-timeout=27 renaming-column=2 renaming-table=2 "
								+ "require-concurrent-index=10 setting-not-null=7"),
				Arguments.of("supabase-auth/postgresql", 1, "adding-volatile-default=3 constraint-missing-not-valid=2 "
						+ "dropping-column=1 dropping-table=1 missing-lock-timeout=44 require-concurrent-index=23 "
						+ "setting-not-null=1 unique-constraint-without-index=4"),
				Arguments.of("supabase-storage/postgresql", 1, "adding-volatile-default=1 changing-column-type=2 "
						+ "dropping-table=1 missing-lock-timeout=25 require-concurrent-index=1"));
	}

	@ParameterizedTest
	@MethodSource("corpora")
	void findingsPerRule(String corpus, int exitCode, String expected) throws URISyntaxException {
		Path directory = Path.of(LintCorpusTest.class.getResource("/corpus/" + corpus).toURI());
		Result lint = new Cli(directory).run("lint", "--dialect", corpus.substring(corpus.indexOf('/') + 1));
		assertThat(lint.exitCode()).as(lint.err()).isEqualTo(exitCode);
		Map<String, Integer> counts = new TreeMap<>();
		for (String line : lint.lines()) {
			// <file>:<line>: <rule> <severity>: <message>
			String rule = line.split(" ", 3)[1];
			counts.merge(rule, 1, Integer::sum);
		}
		Map<String, Integer> expectedCounts = new TreeMap<>();
		for (String entry : expected.split(" ")) {
			expectedCounts.put(entry.substring(0, entry.indexOf('=')),
					Integer.parseInt(entry.substring(entry.indexOf('=') + 1)));
		}
		assertThat(counts).isEqualTo(expectedCounts);
	}

}
