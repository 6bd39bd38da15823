package dev.migration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migration.support.Concurrently;
import dev.migration.support.DatabaseKind;
import dev.migration.support.TestDatabase;
import dev.migration.support.UpgradeMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several processes and threads upgrade one fresh database at once: each revision is
 * applied exactly once and all end at heads.
 */
abstract class ConcurrentUpgradeTests implements DatabaseKind {

	static final List<String> CHAIN = MigrationsExecutionTests.CHAIN;

	@TempDir
	Path temporary;

	Migrations migrations(TestDatabase database) {
		return Migrations.create(MigrationConfiguration.builder()
			.url(database.url())
			.user(database.user())
			.password(database.password())
			.locations("classpath:db/seed")
			.build());
	}

	void assertEachRevisionAppliedOnce(TestDatabase database) {
		assertThat(
				database.queryStrings("SELECT revision FROM migration_history WHERE direction = 'upgrade' ORDER BY id"))
			.containsExactlyElementsOf(CHAIN);
		assertThat(database.queryStrings("SELECT version_num FROM migration_version"))
			.containsExactly(CHAIN.get(CHAIN.size() - 1));
		assertThat(database.tables()).containsExactly("posts", "team_members", "teams", "users");
	}

	@Test
	void fourThreadsWithTheirOwnConnectionsApplyEachRevisionOnce() throws Exception {
		TestDatabase database = newDatabase(this.temporary);
		int applied = 0;
		for (MigrationResult done : Concurrently.upgrade(4, () -> migrations(database))) {
			assertThat(done.currentRows()).containsExactly(CHAIN.get(CHAIN.size() - 1));
			applied += done.steps().size();
		}
		assertThat(applied).isEqualTo(CHAIN.size());
		assertEachRevisionAppliedOnce(database);
	}

	@Test
	void twoJvmsStartedAtOnceApplyEachRevisionOnce() throws Exception {
		TestDatabase database = newDatabase(this.temporary);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<Process> processes = new ArrayList<>();
		List<Path> outputs = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			Path output = Files.createTempFile(this.temporary, "jvm" + i, ".log");
			outputs.add(output);
			processes
				.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), UpgradeMain.class.getName(),
						database.url(), nullToEmpty(database.user()), nullToEmpty(database.password()),
						"classpath:db/seed")
					.redirectErrorStream(true)
					.redirectOutput(output.toFile())
					.start());
		}
		int applied = 0;
		for (int i = 0; i < processes.size(); i++) {
			assertThat(processes.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
			String log = Files.readString(outputs.get(i));
			assertThat(processes.get(i).exitValue()).as(log).isZero();
			applied += Integer.parseInt(log.lines()
				.filter((line) -> line.startsWith("applied "))
				.findFirst()
				.orElseThrow()
				.substring("applied ".length()));
		}
		assertThat(applied).isEqualTo(CHAIN.size());
		assertEachRevisionAppliedOnce(database);
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
