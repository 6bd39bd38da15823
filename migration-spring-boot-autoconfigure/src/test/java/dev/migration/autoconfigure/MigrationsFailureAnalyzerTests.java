package dev.migration.autoconfigure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsFailureAnalyzer}: each failure a user can cause on startup,
 * caused for real.
 */
class MigrationsFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	@TempDir
	Path directory;

	private String url;

	@BeforeEach
	void database() {
		this.url = "jdbc:sqlite:" + this.directory.resolve("app.db");
	}

	@Test
	void analyzesMultipleHeads() {
		FailureAnalysis analysis = failureOf("migrations.locations=classpath:db/branches", "migrations.target=head");
		assertThat(analysis.getDescription()).contains("b00000000002", "b00000000003");
		assertThat(analysis.getAction()).contains("migrations.target", "'heads'", "merge");
	}

	@Test
	void analyzesUnknownRevisionInTheDatabase() {
		upgradeWithDefaultRevisions();
		FailureAnalysis analysis = failureOf("migrations.locations=classpath:db/older");
		assertThat(analysis.getDescription()).contains("a00000000002");
		assertThat(analysis.getAction()).contains("a00000000002", "migrations.ignore-unknown-revisions=true");
	}

	@Test
	void analyzesChecksumMismatch() {
		upgradeWithDefaultRevisions();
		FailureAnalysis analysis = failureOf("migrations.locations=classpath:db/modified");
		assertThat(analysis.getDescription()).contains("a00000000001");
		assertThat(analysis.getAction()).contains("a00000000001", "migrations.validate-checksums=false");
	}

	@Test
	void analyzesFailedRevision() {
		FailureAnalysis analysis = failureOf("migrations.locations=classpath:db/failing");
		assertThat(analysis.getDescription()).contains("f00000000002", "f00000000002_broken.sql");
		assertThat(analysis.getAction()).contains("Fix revision f00000000002", "line 6");
	}

	@Test
	void analyzesANonTransactionalRevisionThatDidNotFinish() {
		FailureAnalysis failed = failureOf("migrations.locations=classpath:db/half");
		assertThat(failed.getDescription()).contains("f00000000002", "not transactional").doesNotContain("rolled back");
		assertThat(failed.getAction()).contains("Fix revision f00000000002", "not transactional", "stamp");

		FailureAnalysis refused = failureOf("migrations.locations=classpath:db/half");
		assertThat(refused.getDescription()).contains("f00000000002", "did not finish");
		assertThat(refused.getAction()).contains("Repair the database by hand", "'stamp f00000000001'",
				"'stamp f00000000002'");
	}

	@Test
	void analyzesMissingLocation() {
		FailureAnalysis analysis = failureOf("migrations.locations=classpath:db/nowhere");
		assertThat(analysis.getDescription()).contains("classpath:db/nowhere");
		assertThat(analysis.getAction()).contains("migrations.locations");
	}

	@Test
	void analyzesPendingRevisions() {
		FailureAnalysis analysis = failureOf("migrations.run-on-startup=false", "migrations.fail-on-pending=true");
		assertThat(analysis.getDescription()).contains("a00000000001, a00000000002");
		assertThat(analysis.getAction()).contains("migrations.run-on-startup=true", "migrations.fail-on-pending=false");
	}

	@Test
	void analyzesLockTimeout() throws Exception {
		try (Connection holder = DriverManager.getConnection(this.url);
				Statement statement = holder.createStatement()) {
			statement.execute("CREATE TABLE held (id INTEGER)");
			holder.setAutoCommit(false);
			statement.execute("INSERT INTO held VALUES (1)");
			FailureAnalysis analysis = failureOf("migrations.lock-timeout=100ms");
			assertThat(analysis.getAction()).contains("migrations.lock-timeout");
			holder.rollback();
		}
	}

	private void upgradeWithDefaultRevisions() {
		this.contextRunner.withPropertyValues("spring.datasource.url=" + this.url)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private FailureAnalysis failureOf(String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.contextRunner.withPropertyValues("spring.datasource.url=" + this.url)
			.withPropertyValues(properties)
			.run((context) -> {
				assertThat(context).hasFailed();
				analysis[0] = new MigrationsFailureAnalyzer(new MockEnvironment()).analyze(context.getStartupFailure());
			});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

}
