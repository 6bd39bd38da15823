package dev.migration.autoconfigure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsFailureAnalyzer}: each failure a user can cause on startup,
 * caused for real.
 */
class MigrationsFailureAnalyzerTests {

	@TempDir
	Path directory;

	/**
	 * Each failure: the settings that cause it (after a first start with the default
	 * revisions, when {@code upgradedBefore}), and what the description and the action
	 * must name.
	 */
	static Stream<Arguments> failures() {
		return Stream.of(
				failure("multiple heads", false,
						List.of("migrations.locations=classpath:db/branches", "migrations.target=head"),
						List.of("b00000000002", "b00000000003"), List.of("migrations.target", "'heads'", "merge")),
				failure("unknown revision in the database", true, List.of("migrations.locations=classpath:db/older"),
						List.of("a00000000002"), List.of("a00000000002", "migrations.ignore-unknown-revisions=true")),
				failure("checksum mismatch", true, List.of("migrations.locations=classpath:db/modified"),
						List.of("a00000000001"), List.of("a00000000001", "migrations.validate-checksums=false")),
				failure("failed revision", false, List.of("migrations.locations=classpath:db/failing"),
						List.of("f00000000002", "f00000000002_broken.sql"),
						List.of("Fix revision f00000000002", "line 6")),
				failure("missing location", false, List.of("migrations.locations=classpath:db/nowhere"),
						List.of("classpath:db/nowhere"), List.of("migrations.locations")),
				failure("pending revisions", false,
						List.of("migrations.run-on-startup=false", "migrations.fail-on-pending=true"),
						List.of("a00000000001, a00000000002"),
						List.of("migrations.run-on-startup=true", "migrations.fail-on-pending=false")));
	}

	private static Arguments failure(String name, boolean upgradedBefore, List<String> properties,
			List<String> description, List<String> action) {
		return Arguments.argumentSet(name, upgradedBefore, properties, description, action);
	}

	@ParameterizedTest
	@MethodSource("failures")
	void analyzes(boolean upgradedBefore, List<String> properties, List<String> description, List<String> action) {
		if (upgradedBefore) {
			runner().run((context) -> assertThat(context).hasNotFailed());
		}
		FailureAnalysis analysis = failureOf(properties.toArray(String[]::new));
		assertThat(analysis.getDescription()).contains(description);
		assertThat(analysis.getAction()).contains(action);
	}

	@Test
	void analyzesANonTransactionalRevisionThatDidNotFinish() {
		FailureAnalysis failed = failureOf("migrations.locations=classpath:db/half");
		assertThat(failed.getDescription()).contains("f00000000002", "not transactional").doesNotContain("rolled back");
		assertThat(failed.getAction()).contains("Fix revision f00000000002", "not transactional", "stamp");

		FailureAnalysis refused = failureOf("migrations.locations=classpath:db/half");
		assertThat(refused.getDescription()).contains("f00000000002", "did not finish");
		assertThat(refused.getAction())
			.isEqualTo("Repair the database by hand, then run 'stamp f00000000001' (undone) or 'stamp f00000000002' "
					+ "(completed) for f00000000002, e.g. with the command line tool; then restart.");
	}

	@Test
	void analyzesLockTimeout() throws Exception {
		try (Connection holder = DriverManager.getConnection(MigrationsContextRunners.sqlite(this.directory));
				Statement statement = holder.createStatement()) {
			statement.execute("CREATE TABLE held (id INTEGER)");
			holder.setAutoCommit(false);
			statement.execute("INSERT INTO held VALUES (1)");
			FailureAnalysis analysis = failureOf("migrations.lock-timeout=100ms");
			assertThat(analysis.getAction()).contains("migrations.lock-timeout");
			holder.rollback();
		}
	}

	private ApplicationContextRunner runner() {
		return MigrationsContextRunners.withDataSource()
			.withPropertyValues("spring.datasource.url=" + MigrationsContextRunners.sqlite(this.directory));
	}

	private FailureAnalysis failureOf(String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		runner().withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = new MigrationsFailureAnalyzer(new MockEnvironment()).analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

}
