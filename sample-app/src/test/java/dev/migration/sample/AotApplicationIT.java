package dev.migration.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample application, processed by {@code spring-boot:process-aot} in the
 * build, started with {@code -Dspring.aot.enabled=true} as a user would start it:
 * migrated on startup, healthy, its endpoint answering.
 */
class AotApplicationIT {

	private static final String HEAD = AbstractSampleApplicationTests.HEAD;

	@TempDir
	Path directory;

	@Test
	void startsWithAotMigratedAndHealthy() throws Exception {
		Path jar = Path.of(System.getProperty("sample.app.jar", "target/sample-app.jar")).toAbsolutePath();
		try (JarFile file = new JarFile(jar.toFile())) {
			// what process-aot wrote: the generated initializer and the revision index
			assertThat(file.getEntry("BOOT-INF/classes/dev/migration/sample/"
					+ "SampleApplication__ApplicationContextInitializer.class"))
				.isNotNull();
			assertThat(file.getEntry("BOOT-INF/classes/dev/migration/aot-revision-index.txt")).isNotNull();
		}
		int port = freePort();
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dspring.aot.enabled=true", "-jar", jar.toString(), "--server.port=" + port,
				"--spring.datasource.url=jdbc:sqlite:" + this.directory.resolve("sample.db"));
		Process process = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.start();
		try {
			List<String> output = new ArrayList<>();
			CompletableFuture<Boolean> started = CompletableFuture.supplyAsync(() -> readUntilStarted(process, output));
			assertThat(started.get(180, TimeUnit.SECONDS)).as("started: %s", output).isTrue();
			assertThat(output).anyMatch((line) -> line.contains("Starting AOT-processed SampleApplication"));
			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<String> health = get(http, port, "/actuator/health");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(JsonPath.<String>read(health.body(), "$.status")).isEqualTo("UP");
			HttpResponse<String> migrations = get(http, port, "/actuator/migrations");
			assertThat(migrations.statusCode()).isEqualTo(200);
			assertThat(JsonPath.<List<String>>read(migrations.body(), "$.current")).containsExactly(HEAD);
			assertThat(JsonPath.<List<String>>read(migrations.body(), "$.revisions[*].revision")).hasSize(4);
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	private static boolean readUntilStarted(Process process, List<String> output) {
		// not closed here: once started, a thread of its own reads on, so that the
		// application never blocks on output
		BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		try {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				synchronized (output) {
					output.add(line);
				}
				if (line.contains("Started SampleApplication")) {
					Thread drain = new Thread(() -> {
						try {
							reader.lines().forEach((rest) -> {
							});
						}
						catch (java.io.UncheckedIOException ex) {
							// the application was stopped: its output is closed
						}
					});
					drain.setDaemon(true);
					drain.start();
					return true;
				}
			}
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static HttpResponse<String> get(HttpClient http, int port, String path)
			throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
