package dev.migration.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Schema per tenant at scale: S tenant schemas x R revisions on one embedded PostgreSQL
 * (fsync and synchronous_commit on), upgraded by our {@code Fleet} and by raw JDBC doing
 * the same work on a pool of the same size, at each parallelism; then S/4 against S
 * schemas at one parallelism, to show memory flat in the number of schemas. Each run is
 * one fresh JVM ({@link FleetMain}) on a fresh database. This machine's disk makes single
 * runs scatter by a factor of two or more, so each parallelism runs paired rounds: raw
 * JDBC and ours back to back (the order alternating), the ratio being the median of the
 * rounds' ratios, each shown. Every run reports its CPU time split into server, client
 * and other processes ({@link MachineCpu}): a round crowded by other processes is marked.
 * {@code --counts} adds the server's own counts per schema ({@link FleetCounters}), which
 * do not depend on the machine's load, and {@code --waits} the server's wait events
 * sampled during each run ({@link WaitSampler}). Writes between the
 * {@code results:start fleet} / {@code results:end fleet} markers of the page.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.migration.benchmarks.FleetBenchmark --out docs/benchmarks.md \
 *     [--schemas 1000] [--revisions 20] [--parallelism 1,2,4,8] [--runs 3] [--counts] [--waits]
 * </pre>
 */
public final class FleetBenchmark {

	private static final String SECTION = "fleet";

	private final Path work;

	private EmbeddedPostgres postgres;

	private int databases;

	/**
	 * Whether each run reports the server's counts per schema (see
	 * {@link FleetCounters}).
	 */
	private boolean counts;

	/** Whether each run samples the server's waits (see {@link WaitSampler}). */
	private boolean waits;

	private final List<String> countLines = new ArrayList<>();

	private FleetBenchmark(Path work) {
		this.work = work;
	}

	public static void main(String[] arguments) throws Exception {
		List<String> list = Arrays.asList(arguments);
		int schemas = Integer.parseInt(option(list, "--schemas", "1000"));
		int revisions = Integer.parseInt(option(list, "--revisions", "20"));
		int runs = Integer.parseInt(option(list, "--runs", "3"));
		List<Integer> parallelisms = Stream.of(option(list, "--parallelism", "1,2,4,8").split(","))
			.map(Integer::parseInt)
			.toList();
		Path out = Path.of(option(list, "--out", "docs/benchmarks.md"));
		FleetBenchmark benchmark = new FleetBenchmark(Files.createTempDirectory("fleet-benchmark"));
		benchmark.counts = list.contains("--counts");
		benchmark.waits = list.contains("--waits");
		try {
			benchmark.startServer();
			Instant started = Instant.now();
			String loadBefore = Benchmark.loadAverage();
			Path workload = Workload.write(benchmark.work.resolve("workload"), revisions);
			int memoryParallelism = parallelisms.contains(4) ? 4 : parallelisms.get(0);
			List<String> rows = new ArrayList<>();
			List<String> memory = new ArrayList<>();
			String memoryFull = null;
			// the page is written after each row, so that a run cut short still leaves
			// what it measured
			for (int parallelism : parallelisms) {
				Row row = benchmark.row(schemas, revisions, parallelism, runs, workload);
				rows.add(row.line());
				if (parallelism == memoryParallelism) {
					memoryFull = row.memoryLine(schemas);
				}
				write(out, started, loadBefore, String.join(" ", arguments), schemas, revisions, runs, rows, memory,
						benchmark.countLines);
			}
			int quarter = Math.max(1, schemas / 4);
			Sample raw = benchmark.run(Tool.RAW_JDBC, quarter, revisions, memoryParallelism, workload);
			Sample ours = benchmark.run(Tool.OURS, quarter, revisions, memoryParallelism, workload);
			memory.add(new Row(memoryParallelism, raw.millis(), ours.millis(), ours.millis() / raw.millis(),
					List.of(ours.millis() / raw.millis()), List.of(false), ours.cpu().work() / raw.cpu().work(),
					raw.rssKb(), ours.rssKb())
				.memoryLine(quarter));
			if (memoryFull != null) {
				memory.add(memoryFull);
			}
			write(out, started, loadBefore, String.join(" ", arguments), schemas, revisions, runs, rows, memory,
					benchmark.countLines);
		}
		finally {
			benchmark.close();
		}
	}

	/** Starts the embedded server the runs share. */
	private void startServer() throws Exception {
		EmbeddedPostgres.Builder server = EmbeddedPostgres.builder()
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("fsync", "on")
			.setServerConfig("max_connections", "100");
		if (this.counts) {
			server.setServerConfig("shared_preload_libraries", "pg_stat_statements")
				.setServerConfig("pg_stat_statements.track_utility", "on");
		}
		this.postgres = server.start();
		if (this.counts) {
			try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
			}
		}
	}

	private Row row(int schemas, int revisions, int parallelism, int runs, Path workload) throws Exception {
		List<Double> raw = new ArrayList<>();
		List<Double> ours = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		List<Double> cpuRatios = new ArrayList<>();
		List<Boolean> crowded = new ArrayList<>();
		long rawRss = 0;
		long oursRss = 0;
		for (int round = 0; round < runs; round++) {
			Tool[] order = (round % 2 == 0) ? new Tool[] { Tool.RAW_JDBC, Tool.OURS }
					: new Tool[] { Tool.OURS, Tool.RAW_JDBC };
			Sample rawSample = null;
			Sample oursSample = null;
			for (Tool tool : order) {
				Sample sample = run(tool, schemas, revisions, parallelism, workload);
				if (tool == Tool.OURS) {
					oursSample = sample;
					oursRss = Math.max(oursRss, sample.rssKb());
				}
				else {
					rawSample = sample;
					rawRss = Math.max(rawRss, sample.rssKb());
				}
			}
			raw.add(rawSample.millis());
			ours.add(oursSample.millis());
			ratios.add(oursSample.millis() / rawSample.millis());
			cpuRatios.add(oursSample.cpu().work() / rawSample.cpu().work());
			crowded.add(oursSample.cpu().crowded() || rawSample.cpu().crowded());
		}
		return new Row(parallelism, Benchmark.Series.median(raw), Benchmark.Series.median(ours),
				Benchmark.Series.median(ratios), ratios, crowded, Benchmark.Series.median(cpuRatios), rawRss, oursRss);
	}

	/**
	 * One parallelism: the medians of the rounds' times, the median of the rounds' ratios
	 * (each round runs both tools back to back, so a ratio compares runs under the same
	 * load), every round's ratio, and the peaks.
	 */
	private record Row(int parallelism, double rawMillis, double oursMillis, double ratio, List<Double> ratios,
			List<Boolean> crowded, double cpuRatio, long rawRss, long oursRss) {

		String line() {
			List<String> rounds = new ArrayList<>();
			for (int round = 0; round < this.ratios.size(); round++) {
				rounds.add(String.format(Locale.ROOT, "%.2f", this.ratios.get(round))
						+ (this.crowded.get(round) ? "*" : ""));
			}
			return "| " + this.parallelism + " | " + seconds(this.rawMillis) + " | " + seconds(this.oursMillis) + " | "
					+ String.format(Locale.ROOT, "%.2fx", this.ratio) + " | " + String.join(", ", rounds) + " | "
					+ String.format(Locale.ROOT, "%.2fx", this.cpuRatio) + " | " + megabytes(this.rawRss) + " | "
					+ megabytes(this.oursRss) + " |";
		}

		String memoryLine(int schemas) {
			return "| " + String.format(Locale.ROOT, "%,d", schemas) + " | " + this.parallelism + " | "
					+ seconds(this.rawMillis) + " | " + seconds(this.oursMillis) + " | " + megabytes(this.rawRss)
					+ " | " + megabytes(this.oursRss) + " |";
		}

	}

	/**
	 * A fresh database with the tenant schemas, the tool's run in its own JVM, a check,
	 * and the database dropped.
	 */
	private Sample run(Tool tool, int schemas, int revisions, int parallelism, Path workload) throws Exception {
		String name = "fleet_" + (++this.databases);
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		Target target = new Target("postgresql", this.postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
		try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
			for (int tenant = 1; tenant <= schemas; tenant++) {
				statement.execute("CREATE SCHEMA " + String.format("tenant_%05d", tenant));
			}
		}
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			// every run starts just after a checkpoint, so none pays more full-page
			// images than the other
			statement.execute("CHECKPOINT");
		}
		progress(tool.title() + ", " + schemas + " schemas, parallelism " + parallelism);
		FleetCounters before = this.counts ? countersBefore(name) : null;
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), FleetMain.class.getName(), tool.name(),
						String.valueOf(parallelism), workload.toString()));
		command.addAll(Arrays.asList(target.arguments()));
		Path log = Files.createTempFile(this.work, "child", ".log");
		WaitSampler sampler = this.waits ? new WaitSampler(this.postgres.getPostgresDatabase().getConnection(), name)
				: null;
		Connection cpuConnection = this.postgres.getPostgresDatabase().getConnection();
		MachineCpu cpu = MachineCpu.start(cpuConnection);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!process.waitFor(60, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("Timed out: " + command);
		}
		String output = Files.readString(log);
		String line = output.lines().filter((candidate) -> candidate.startsWith("RESULT ")).findFirst().orElse(null);
		if (process.exitValue() != 0 || line == null) {
			throw new IllegalStateException("Failed (exit " + process.exitValue() + "): " + command + "\n" + output);
		}
		String[] fields = line.split(" ");
		MachineCpu.Split split;
		try (cpuConnection) {
			split = cpu.finish(Double.parseDouble(fields[4].substring("cpuMs=".length())));
		}
		output.lines()
			.filter((candidate) -> candidate.startsWith("SCHEDULE "))
			.forEach((schedule) -> progress("  " + schedule));
		if (sampler != null) {
			sampler.summary().forEach(FleetBenchmark::progress);
			sampler.close();
		}
		Sample sample = new Sample(Double.parseDouble(fields[1].substring("millis=".length())),
				Long.parseLong(fields[2].substring("rssKb=".length())),
				Integer.parseInt(fields[3].substring("result=".length())), split);
		if (sample.result() != schemas * revisions) {
			throw new IllegalStateException(
					tool + " applied " + sample.result() + " revisions, not " + schemas * revisions);
		}
		try (Connection connection = target.connect();
				Statement statement = connection.createStatement();
				ResultSet count = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename "
						+ "LIKE 't\\_%' AND schemaname LIKE 'tenant\\_%'")) {
			count.next();
			if (count.getInt(1) != schemas * revisions) {
				throw new IllegalStateException(tool + " left " + count.getInt(1) + " tables in the tenant schemas");
			}
		}
		if (before != null) {
			countersAfter(tool, name, target, before, schemas, parallelism);
			output.lines().filter((candidate) -> candidate.startsWith("THREADS ")).forEach((threads) -> {
				progress("  client CPU ms by thread: " + threads.substring("THREADS ".length()));
				this.countLines.add("  client CPU ms by thread: " + threads.substring("THREADS ".length()));
			});
		}
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE " + name);
		}
		progress("  " + seconds(sample.millis()) + ", peak RSS " + megabytes(sample.rssKb()) + ", " + split);
		return sample;
	}

	private FleetCounters countersBefore(String database) throws Exception {
		try (Connection server = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = server.createStatement()) {
			statement.execute("SELECT pg_stat_statements_reset()");
			return FleetCounters.read(server, database);
		}
	}

	/**
	 * The run's counts, once its backends have ended (a backend reports its statistics as
	 * it ends).
	 */
	private void countersAfter(Tool tool, String database, Target target, FleetCounters before, int schemas,
			int parallelism) throws Exception {
		List<String> lines = new ArrayList<>();
		lines.add(tool.title() + ", " + schemas + " schemas, parallelism " + parallelism + ", per schema:");
		try (Connection connection = target.connect()) {
			lines.add("  " + FleetCounters.relations(connection, schemas));
		}
		try (Connection server = this.postgres.getPostgresDatabase().getConnection()) {
			awaitBackendsEnded(server, database);
			lines.add("  " + FleetCounters.read(server, database).perSchema(before, schemas));
			lines.addAll(FleetCounters.statements(server, schemas, 25));
		}
		lines.forEach(FleetBenchmark::progress);
		this.countLines.addAll(lines);
	}

	private static void awaitBackendsEnded(Connection server, String database) throws Exception {
		for (int attempt = 0; attempt < 100; attempt++) {
			try (PreparedStatement statement = server
				.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
				statement.setString(1, database);
				try (ResultSet result = statement.executeQuery()) {
					result.next();
					if (result.getInt(1) == 0) {
						return;
					}
				}
			}
			TimeUnit.MILLISECONDS.sleep(50);
		}
	}

	private static void write(Path out, Instant started, String loadBefore, String arguments, int schemas,
			int revisions, int runs, List<String> rows, List<String> memory, List<String> counts) throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add(Benchmark.resultsStart(SECTION));
		lines.add("");
		lines.add("Measured " + started.truncatedTo(ChronoUnit.MINUTES) + " to "
				+ Instant.now().truncatedTo(ChronoUnit.MINUTES) + " with `FleetBenchmark " + arguments
				+ "`; load average before: " + loadBefore + ", after: " + Benchmark.loadAverage() + ".");
		lines.add("");
		lines.add(String.format(Locale.ROOT, "%,d", schemas) + " tenant schemas x " + revisions
				+ " revisions on one PostgreSQL 17 (embedded, fsync on, synchronous_commit on):");
		lines.add("");
		lines.add("Each parallelism runs " + runs + " paired rounds (raw JDBC and ours back to back, the order "
				+ "alternating); times are the medians, the ratio is the median of the rounds' ratios, and every "
				+ "round's ratio is shown. A * marks a round during one of whose runs other processes took more than a "
				+ "tenth of the machine's CPU; CPU ours / raw is the median of the rounds' ratios of server and client "
				+ "CPU time.");
		lines.add("");
		lines.add("| parallelism | raw JDBC | ours | ours / raw | ratio per round | CPU ours / raw | raw peak RSS "
				+ "| ours peak RSS |");
		lines.add("| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |");
		lines.addAll(rows);
		lines.add("");
		lines.add("Memory against the number of schemas (same revisions):");
		lines.add("");
		lines.add("| schemas | parallelism | raw JDBC | ours | raw peak RSS | ours peak RSS |");
		lines.add("| ---: | ---: | ---: | ---: | ---: | ---: |");
		lines.addAll(memory);
		if (!counts.isEmpty()) {
			lines.add("");
			lines.add("Server counts per schema (`--counts`):");
			lines.add("");
			lines.add("```");
			lines.addAll(counts);
			lines.add("```");
		}
		lines.add("");
		lines.add(Benchmark.resultsEnd(SECTION));
		String page = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
		String start = Benchmark.resultsStart(SECTION);
		String end = Benchmark.resultsEnd(SECTION);
		String section = String.join("\n", lines);
		int from = page.indexOf(start);
		int to = page.indexOf(end);
		String updated = (from >= 0 && to > from)
				? page.substring(0, from) + section + page.substring(to + end.length()) : page + "\n" + section + "\n";
		Files.writeString(out, updated, StandardCharsets.UTF_8);
	}

	private static String option(List<String> arguments, String name, String fallback) {
		int index = arguments.indexOf(name);
		return (index >= 0 && index + 1 < arguments.size()) ? arguments.get(index + 1) : fallback;
	}

	private static String seconds(double millis) {
		return String.format(Locale.ROOT, "%.1f s", millis / 1000);
	}

	private static String megabytes(long kilobytes) {
		return String.format(Locale.ROOT, "%.0f MB", kilobytes / 1024.0);
	}

	private static void progress(String message) {
		System.err.println("[" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
	}

	private void close() throws IOException {
		if (this.postgres != null) {
			this.postgres.close();
		}
		try (Stream<Path> files = Files.walk(this.work)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

	private record Sample(double millis, long rssKb, int result, MachineCpu.Split cpu) {

	}

}
