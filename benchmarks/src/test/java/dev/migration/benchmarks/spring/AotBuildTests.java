package dev.migration.benchmarks.spring;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migration.RevisionIndex;
import dev.migration.benchmarks.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preparation of {@code --spring-aot} for a tiny workload: the "ours" mode, processed
 * with Spring AOT and compiled, starts from its AOT output with the build-time revision
 * index and upgrades a fresh SQLite database.
 */
class AotBuildTests {

	private static final int REVISIONS = 3;

	@TempDir
	Path temporary;

	@Test
	void oursModeStartsFromItsAotOutputAndUpgrades() throws Exception {
		Path workload = Workload.write(this.temporary.resolve("workload"), REVISIONS);
		String classPath = AotBuild.revisionsJar(workload) + File.pathSeparator + System.getProperty("java.class.path");
		List<String> mode = BenchmarkApplication.modeArguments("ours", AotBuild.FLYWAY_LOCATION,
				AotBuild.OURS_LOCATION);
		AotBuild.Output output = AotBuild.build(this.temporary.resolve("aot"), mode, classPath);
		assertThat(output.resources().resolve(RevisionIndex.RESOURCE)).content()
			.contains(Workload.revisionId(1), Workload.revisionId(REVISIONS));
		String url = "jdbc:sqlite:" + this.temporary.resolve("ours.db");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), AotBuild.ENABLED, "-cp",
						output.classPath(), BenchmarkApplication.class.getName(), "--spring.datasource.url=" + url,
						"--server.port=0"));
		command.addAll(mode);
		Path log = this.temporary.resolve("child.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("child finished").isTrue();
		String printed = Files.readString(log);
		assertThat(process.exitValue()).as(printed).isZero();
		assertThat(printed).contains("Starting AOT-processed BenchmarkApplication")
			.containsPattern("(?m)^RESULT millis=");
		assertThat(currentRevision(url)).isEqualTo(Workload.revisionId(REVISIONS));
	}

	private static String currentRevision(String url) throws Exception {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT version_num FROM migration_version")) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

}
