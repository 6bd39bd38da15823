package dev.migration.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.migration.Fleet;
import dev.migration.FleetResult;
import dev.migration.FleetTarget;

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

	/** Each schema's start and end, for the schedule line. */
	private static final Schedule SCHEDULE = new Schedule();

	private FleetMain() {
	}

	public static void main(String[] arguments) throws Exception {
		ToolMain.measure(arguments, (tool, workload, target) -> {
			int parallelism = Integer.parseInt(arguments[1]);
			int steps = (tool == Tool.OURS) ? ours(parallelism, workload, target) : raw(parallelism, workload, target);
			System.out.println("SCHEDULE " + SCHEDULE.summary());
			return steps;
		});
	}

	private static int ours(int parallelism, Path workload, Target target) {
		Fleet fleet = Fleet.of(Tool.ourMigrations(target, workload)).parallelism(parallelism);
		List<FleetTarget> targets = fleet.schemas("tenant_%");
		FleetResult<Integer> result = fleet.run(targets,
				(member) -> SCHEDULE.time(() -> fleet.migrations(member).upgrade("heads").steps().size()));
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
				done.add(pool.submit(() -> SCHEDULE.time(() -> {
					try (Connection connection = target.connect()) {
						try (PreparedStatement path = connection
							.prepareStatement("SELECT set_config('search_path', ?, false)")) {
							path.setString(1, "\"" + schema + "\"");
							path.execute();
						}
						return Tool.applyRaw(connection, revisions);
					}
				})));
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
