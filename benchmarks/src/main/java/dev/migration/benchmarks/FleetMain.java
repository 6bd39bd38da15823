package dev.migration.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import dev.migration.Fleet;
import dev.migration.FleetResult;
import dev.migration.FleetTarget;
import dev.migration.MigrationConfiguration;
import dev.migration.Migrations;

/**
 * One measured fleet run in a fresh JVM:
 * {@code FleetMain TOOL PARALLELISM workloadDir kind url user password} upgrades every
 * {@code tenant_%} schema of the database to head. Prints
 * {@code RESULT millis=M rssKb=K result=R cpuMs=C} with C its CPU time and R the number
 * of revisions applied over all schemas.
 */
public final class FleetMain {

	private static final String SCHEMAS = "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%' "
			+ "ORDER BY nspname";

	private FleetMain() {
	}

	public static void main(String[] arguments) throws Exception {
		long start = System.nanoTime();
		Tool tool = Tool.valueOf(arguments[0]);
		int parallelism = Integer.parseInt(arguments[1]);
		Path workload = Path.of(arguments[2]);
		Target target = Target.fromArguments(arguments, 3);
		int result = (tool == Tool.OURS) ? ours(parallelism, workload, target) : raw(parallelism, workload, target);
		long nanos = System.nanoTime() - start;
		System.out.println("RESULT millis=" + (nanos / 1_000_000.0) + " rssKb=" + PeakMemory.peakRssKb() + " result="
				+ result + " cpuMs=" + cpuMillis());
		System.out.println("THREADS " + threadCpu());
		System.exit(0);
	}

	/** This JVM's CPU time, all threads (JIT and GC included). */
	private static long cpuMillis() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1_000_000;
	}

	/**
	 * This JVM's CPU time in ms by kind of thread (compilers, GC, the workers...), from
	 * /proc/self/task: where a tool's CPU goes besides its own code.
	 */
	private static String threadCpu() {
		Map<String, Long> ticks = new TreeMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			for (Path task : (Iterable<Path>) tasks::iterator) {
				String stat = Files.readString(task.resolve("stat"));
				String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
					.replaceAll("[0-9#-]+$", "")
					.strip();
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
			}
		}
		catch (IOException ex) {
			return "unknown";
		}
		StringBuilder line = new StringBuilder();
		long listed = 0;
		for (Map.Entry<String, Long> entry : ticks.entrySet()) {
			line.append(entry.getKey().replace(' ', '_')).append('=').append(entry.getValue() * 10).append(' ');
			listed += entry.getValue() * 10;
		}
		// threads that ended (the workers' pool) are no longer listed
		return line.append("ended_threads=").append(cpuMillis() - listed).toString();
	}

	private static int ours(int parallelism, Path workload, Target target) {
		Migrations migrations = Migrations.create(MigrationConfiguration.builder()
			.url(target.url())
			.user(target.user())
			.password(target.password())
			.locations("filesystem:" + workload.resolve(Workload.OURS))
			.build());
		Fleet fleet = Fleet.of(migrations).parallelism(parallelism);
		List<FleetTarget> targets = fleet.schemas("tenant_%");
		FleetResult<Integer> result = fleet.run(targets,
				(member) -> fleet.migrations(member).upgrade("heads").steps().size());
		if (!result.isSuccess()) {
			throw new IllegalStateException(result.summary(false) + ": " + result.failures().get(0).failure());
		}
		int steps = 0;
		for (FleetResult.Outcome<Integer> outcome : result.outcomes()) {
			steps += outcome.value();
		}
		return steps;
	}

	/**
	 * The floor: per schema one connection with search_path set to it, the same
	 * statements, one transaction and one version row per revision; the schemas on a pool
	 * of the same size.
	 */
	private static int raw(int parallelism, Path workload, Target target) throws Exception {
		List<List<String>> revisions = Tool.readRawRevisions(workload.resolve(Workload.RAW));
		List<String> schemas = new ArrayList<>();
		try (Connection connection = target.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(SCHEMAS)) {
			while (rows.next()) {
				schemas.add(rows.getString(1));
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(parallelism);
		try {
			List<Future<Integer>> done = new ArrayList<>();
			for (String schema : schemas) {
				done.add(pool.submit(() -> {
					try (Connection connection = target.connect()) {
						try (PreparedStatement path = connection
							.prepareStatement("SELECT set_config('search_path', ?, false)")) {
							path.setString(1, "\"" + schema + "\"");
							path.execute();
						}
						return Tool.applyRaw(connection, revisions);
					}
				}));
			}
			int steps = 0;
			for (Future<Integer> future : done) {
				steps += future.get();
			}
			return steps;
		}
		finally {
			pool.shutdown();
		}
	}

}
