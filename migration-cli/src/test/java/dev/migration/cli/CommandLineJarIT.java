package dev.migration.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the shaded jar as a user would: {@code java -jar migration-cli.jar ...} in a fresh
 * directory, on SQLite.
 */
class CommandLineJarIT {

	@TempDir
	Path directory;

	@Test
	void fromInitToDowngradeBase() throws Exception {
		Path jar = Path.of(System.getProperty("migration.cli.jar", "target/migration-cli.jar")).toAbsolutePath();
		assumeTrue(Files.exists(jar), "build the jar first: mvn package");

		Run init = run(jar, "init");
		assertThat(init.exitCode()).isZero();
		assertThat(init.out()).isEqualTo("Creating directory db/revisions ... done\n");

		Run revision = run(jar, "revision", "-m", "Create users", "--rev-id", "users1");
		assertThat(revision.out()).isEqualTo("Generating db/revisions/users1_create_users.sql ... done\n");
		Path file = this.directory.resolve("db/revisions/users1_create_users.sql");
		Files.writeString(file,
				Files.readString(file)
					.replace("-- upgrade\n", "-- upgrade\nCREATE TABLE users (id INTEGER PRIMARY KEY);\n")
					.replace("-- downgrade\n", "-- downgrade\nDROP TABLE users;\n"));

		Run upgrade = run(jar, "--url", "jdbc:sqlite:app.db", "upgrade", "heads");
		assertThat(upgrade.exitCode()).isZero();
		assertThat(upgrade.out()).isEqualTo("Running upgrade  -> users1, Create users\n");
		assertThat(run(jar, "--url", "jdbc:sqlite:app.db", "current").out()).isEqualTo("users1 (head)\n");
		assertThat(run(jar, "history").out()).isEqualTo("<base> -> users1 (head), Create users\n");

		Run downgrade = run(jar, "--url", "jdbc:sqlite:app.db", "downgrade", "base");
		assertThat(downgrade.exitCode()).isZero();
		assertThat(downgrade.out()).isEqualTo("Running downgrade users1 -> , Create users\n");

		Run failed = run(jar, "--url", "jdbc:sqlite:app.db", "upgrade", "nope");
		assertThat(failed.exitCode()).isEqualTo(1);
		assertThat(failed.err()).startsWith("FAILED: ").hasLineCount(1);
		assertThat(run(jar).exitCode()).isEqualTo(2);
		assertThat(run(jar, "--help").out()).startsWith("Usage: migration");
		Run version = run(jar, "--version");
		assertThat(version.exitCode()).isZero();
		assertThat(version.out()).matches("migration \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
	}

	private Run run(Path jar, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.directory.toFile());
		builder.environment().keySet().removeIf(key -> key.startsWith("MIGRATIONS_"));
		Path out = this.directory.resolve("stdout.txt");
		Path err = this.directory.resolve("stderr.txt");
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private record Run(int exitCode, String out, String err) {
	}

}
