package dev.migration.benchmarks.spring;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import dev.migration.benchmarks.Workload;

import org.springframework.boot.SpringApplicationAotProcessor;

/**
 * What a build with Spring AOT does, for one mode of the start comparison: processes
 * {@link BenchmarkApplication} with the mode's properties (AOT decides conditions such as
 * {@code migrations.enabled} then, so each mode has its own output), compiles the
 * generated sources, and gives the class path that starts the processed application with
 * {@link #ENABLED}. The revisions are in a jar on the class path, as an application
 * packages them: the build-time revision index covers only {@code classpath:} locations.
 */
public final class AotBuild {

	/** The JVM option that starts an application from its AOT output. */
	public static final String ENABLED = "-Dspring.aot.enabled=true";

	/** Our revisions in the revisions jar: the starter's default location. */
	public static final String OURS_LOCATION = "classpath:db/revisions";

	/** Flyway's revisions in the revisions jar: Flyway's default location. */
	public static final String FLYWAY_LOCATION = "classpath:db/migration";

	private static final long PROCESSING_TIMEOUT_MINUTES = 10;

	private AotBuild() {
	}

	/**
	 * Writes the workload's revisions of both tools into {@code revisions.jar} beside
	 * them.
	 * @param workload a directory that {@link Workload#write} wrote
	 * @return the jar
	 * @throws IOException when the jar cannot be written
	 */
	public static Path revisionsJar(Path workload) throws IOException {
		Path jar = workload.resolve("revisions.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			// folder entries too: without them a class loader finds no folder to list
			out.putNextEntry(new JarEntry("db/"));
			addFolder(out, workload.resolve(Workload.OURS), OURS_LOCATION.substring("classpath:".length()) + "/");
			addFolder(out, workload.resolve(Workload.FLYWAY), FLYWAY_LOCATION.substring("classpath:".length()) + "/");
		}
		return jar;
	}

	private static void addFolder(JarOutputStream out, Path folder, String name) throws IOException {
		out.putNextEntry(new JarEntry(name));
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.sorted().toList()) {
				out.putNextEntry(new JarEntry(name + file.getFileName()));
				out.write(Files.readAllBytes(file));
			}
		}
	}

	/**
	 * Processes the application with one mode's properties and compiles what was
	 * generated, below {@code directory}.
	 * @param directory where the output goes, empty or missing
	 * @param modeArguments the mode's properties
	 * ({@link BenchmarkApplication#modeArguments})
	 * @param classPath the application's class path, the revisions jar included
	 * @return the output
	 * @throws IOException when the output cannot be written
	 * @throws InterruptedException when interrupted while processing
	 */
	public static Output build(Path directory, List<String> modeArguments, String classPath)
			throws IOException, InterruptedException {
		Output output = new Output(directory.resolve("sources"), directory.resolve("resources"),
				directory.resolve("classes"), classPath);
		process(output, directory.resolve("processing.log"), modeArguments);
		compile(output);
		return output;
	}

	/**
	 * Runs Spring Boot's processor in a JVM of its own, as
	 * {@code spring-boot:process-aot} does, on the application's class path.
	 */
	private static void process(Output output, Path log, List<String> modeArguments)
			throws IOException, InterruptedException {
		Files.createDirectories(log.getParent());
		// C1 alone: this short-lived JVM is a build step, not measured
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-cp", output.applicationClassPath()));
		// application class, source/resource/class output, group, artifact, its arguments
		command.addAll(List.of(SpringApplicationAotProcessor.class.getName(), BenchmarkApplication.class.getName(),
				output.sources().toString(), output.resources().toString(), output.classes().toString(),
				"dev.migration", "benchmarks"));
		command.addAll(modeArguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(PROCESSING_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("Spring AOT processing of " + modeArguments + " timed out; see " + log);
		}
		if (process.exitValue() != 0) {
			List<String> lines = Files.readAllLines(log);
			throw new IllegalStateException(
					"Spring AOT processing of " + modeArguments + " failed (exit " + process.exitValue() + "):\n"
							+ String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
		}
	}

	/**
	 * Compiles the generated sources into the class output, where the processor also put
	 * the classes it generated itself (configuration proxies).
	 */
	private static void compile(Output output) throws IOException {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null) {
			throw new IllegalStateException("Spring AOT's generated sources need a Java compiler, which this Java ("
					+ System.getProperty("java.home") + ") lacks: run the benchmark with a JDK");
		}
		List<Path> sources;
		try (Stream<Path> files = Files.walk(output.sources())) {
			sources = files.filter((file) -> file.toString().endsWith(".java")).toList();
		}
		StringWriter diagnostics = new StringWriter();
		try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
			// -proc:none: annotation processors have nothing to add to generated code
			List<String> options = List.of("-d", output.classes().toString(), "-cp",
					output.classes() + File.pathSeparator + output.applicationClassPath(), "-proc:none", "-nowarn",
					"-encoding", "UTF-8");
			if (!compiler.getTask(diagnostics, files, null, options, null, files.getJavaFileObjectsFromPaths(sources))
				.call()) {
				throw new IllegalStateException("Could not compile the sources Spring AOT generated in "
						+ output.sources() + ":\n" + diagnostics);
			}
		}
	}

	/**
	 * What {@link #build} wrote for one mode.
	 *
	 * @param sources the generated sources
	 * @param resources the generated resources (hints, the revision index)
	 * @param classes the generated and compiled classes
	 * @param applicationClassPath the class path that was processed
	 */
	public record Output(Path sources, Path resources, Path classes, String applicationClassPath) {

		/**
		 * The class path to start the processed application with: what was generated
		 * first.
		 * @return the class path
		 */
		public String classPath() {
			return String.join(File.pathSeparator, this.classes.toString(), this.resources.toString(),
					this.applicationClassPath);
		}

	}

}
