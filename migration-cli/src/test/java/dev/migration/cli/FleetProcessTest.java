package dev.migration.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migration.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-line processes migrate the same fleet at once: each schema's own lock lets
 * each revision run exactly once per schema, whichever process gets there first.
 */
class FleetProcessTest {

	static final int TENANTS = 50;

	static final int REVISIONS = 3;

	@TempDir
	Path directory;

	@Test
	void twoProcessesApplyEachRevisionOncePerSchema() throws Exception {
		PostgresDatabase database = PostgresDatabase.create();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE public.effects (schema_name TEXT NOT NULL, revision TEXT NOT NULL)");
			for (int tenant = 1; tenant <= TENANTS; tenant++) {
				statement.execute("CREATE SCHEMA tenant_%02d".formatted(tenant));
			}
		}
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		String down = "none";
		for (int revision = 1; revision <= REVISIONS; revision++) {
			String id = "e0000000000" + revision;
			// the effect outside the tenant's schema counts every run, also one that a
			// lock failed to keep out
			Files.writeString(revisions.resolve(id + "_r" + revision + ".sql"),
					Cli.revision(id, down, "r" + revision,
							"CREATE TABLE t" + revision
									+ " (id INT);\nINSERT INTO public.effects VALUES (current_schema(), '" + id + "');",
							"DROP TABLE t" + revision + ";"));
			down = id;
		}
		List<Process> processes = new ArrayList<>();
		List<Path> outputs = new ArrayList<>();
		for (int process = 0; process < 2; process++) {
			Path output = this.directory.resolve("process-" + process + ".out");
			outputs.add(output);
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
					"-cp", System.getProperty("java.class.path"), MigrationCli.class.getName(), "--schemas", "tenant_%",
					"--parallel", "4", "upgrade", "heads")
				.redirectErrorStream(true)
				.redirectOutput(output.toFile());
			builder.environment().put("MIGRATIONS_URL", database.url());
			builder.environment().put("MIGRATIONS_PASSWORD", database.password());
			builder.environment().put("MIGRATIONS_LOCATION", revisions.toString());
			processes.add(builder.start());
		}
		for (Process process : processes) {
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		}
		List<String> lines = new ArrayList<>();
		for (int process = 0; process < 2; process++) {
			// the test class path has SLF4J without a provider (the embedded server's);
			// the CLI jar has none
			List<String> output = Files.readAllLines(outputs.get(process))
				.stream()
				.filter((line) -> !line.startsWith("SLF4J"))
				.toList();
			assertThat(processes.get(process).exitValue()).as(String.join("\n", output)).isZero();
			assertThat(output).last().isEqualTo("50 schemas: 50 ok, 0 failed");
			lines.addAll(output.subList(0, output.size() - 1));
		}
		List<String> steps = lines.stream()
			.filter((line) -> line.matches("\\[tenant_\\d\\d\\] Running upgrade .*"))
			.toList();
		assertThat(steps).hasSize(TENANTS * REVISIONS);
		assertThat(lines).allMatch((line) -> line.startsWith("[tenant_"));
		assertThat(database.count("SELECT count(*) FROM public.effects")).isEqualTo(TENANTS * REVISIONS);
		assertThat(database.count("SELECT count(DISTINCT (schema_name, revision)) FROM public.effects"))
			.isEqualTo(TENANTS * REVISIONS);
		assertThat(database.count("SELECT count(DISTINCT schema_name) FROM public.effects")).isEqualTo(TENANTS);
		assertThat(database.count("SELECT count(*) FROM pg_tables WHERE tablename IN ('t1', 't2', 't3') "
				+ "AND schemaname LIKE 'tenant\\_%'"))
			.isEqualTo(TENANTS * REVISIONS);
	}

}
