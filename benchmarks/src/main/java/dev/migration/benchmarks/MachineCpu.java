package dev.migration.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The machine's busy CPU time over one run, split into the server's, the client JVM's and
 * everything else's (other builds on a shared machine), and the machine's pace before and
 * after the run (the time of a fixed CPU-bound query). At high parallelism on few cores a
 * run is CPU-bound, so another process's CPU time shows up in the run's time; and a
 * virtual machine's pace changes by itself (the same raw JDBC work took 31 s of server
 * CPU in one run and 51 s three minutes later, with other processes at 1% of the
 * machine). Either makes a round's ratio say little: the split and the pace mark such
 * rounds.
 */
final class MachineCpu {

	/** Other processes' share of the machine above which a run counts as crowded. */
	private static final double CROWDED = 0.10;

	/**
	 * By how much the pace may change within a run or a round and still count as steady.
	 */
	private static final double PACE_CHANGE = 1.2;

	/** A fixed CPU-bound query on the server: its time is the machine's pace. */
	private static final String PACE = "SELECT count(*) FROM generate_series(1, 3000000)";

	private final Connection server;

	private final double paceBefore;

	private final long startNanos = System.nanoTime();

	private final long busyTicks = busyTicks();

	private final double serverMillis;

	private MachineCpu(Connection server, double paceBefore, double serverMillis) {
		this.server = server;
		this.paceBefore = paceBefore;
		this.serverMillis = serverMillis;
	}

	/** Starts counting; {@code server} is a connection to the server, kept open. */
	static MachineCpu start(Connection server) throws SQLException {
		return new MachineCpu(server, pace(server), FleetCounters.serverCpuMillis(server));
	}

	/** The split since {@link #start}, given the client JVM's own CPU time. */
	Split finish(double clientMillis) throws SQLException {
		double wallMillis = (System.nanoTime() - this.startNanos) / 1_000_000.0;
		double busy = (busyTicks() - this.busyTicks) * 10.0;
		double serverUsed = FleetCounters.serverCpuMillis(this.server) - this.serverMillis;
		return new Split(serverUsed, clientMillis, Math.max(0, busy - serverUsed - clientMillis),
				wallMillis * Runtime.getRuntime().availableProcessors(), this.paceBefore, pace(this.server));
	}

	/** The milliseconds of the pace query, the best of three. */
	private static double pace(Connection server) throws SQLException {
		double best = Double.MAX_VALUE;
		try (Statement statement = server.createStatement()) {
			for (int attempt = 0; attempt < 3; attempt++) {
				long start = System.nanoTime();
				statement.execute(PACE);
				best = Math.min(best, (System.nanoTime() - start) / 1_000_000.0);
			}
		}
		return best;
	}

	/** The machine's busy CPU ticks (user, nice, system, irq, softirq) of all cores. */
	private static long busyTicks() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			return Long.parseLong(fields[1]) + Long.parseLong(fields[2]) + Long.parseLong(fields[3])
					+ Long.parseLong(fields[6]) + Long.parseLong(fields[7]);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/** Whether two paces differ by more than a fifth. */
	static boolean changed(double pace, double other) {
		return Math.max(pace, other) > PACE_CHANGE * Math.min(pace, other);
	}

	/**
	 * CPU milliseconds of one run.
	 *
	 * @param server the server's processes
	 * @param client the client JVM
	 * @param other everything else on the machine
	 * @param capacity the machine's CPU milliseconds over the run (wall time x cores)
	 * @param paceBefore the pace query's milliseconds before the run
	 * @param paceAfter and after it
	 */
	record Split(double server, double client, double other, double capacity, double paceBefore, double paceAfter) {

		/** The server's and the client's CPU time together: the work the run did. */
		double work() {
			return this.server + this.client;
		}

		/**
		 * Whether other processes took more than a tenth of the machine, or its pace
		 * changed during the run.
		 */
		boolean unsteady() {
			return this.other > CROWDED * this.capacity || changed(this.paceBefore, this.paceAfter);
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"CPU server %.1f s, client %.1f s, other processes %.1f s (%.0f%% of "
							+ "the machine), pace %.0f -> %.0f ms%s",
					this.server / 1000, this.client / 1000, this.other / 1000, 100 * this.other / this.capacity,
					this.paceBefore, this.paceAfter, unsteady() ? ", unsteady" : "");
		}

	}

}
