package dev.migration.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The machine's busy CPU time over one run, split into the server's, the client JVM's and
 * everything else's (other builds on a shared machine). At high parallelism on few cores
 * a run is CPU-bound, so another process's CPU time shows up in the run's time: the split
 * tells a slow run that was crowded from one that did more work.
 */
final class MachineCpu {

	/** Other processes' share of the machine above which a run counts as crowded. */
	private static final double CROWDED = 0.10;

	private final Connection server;

	private final long startNanos = System.nanoTime();

	private final long busyTicks = busyTicks();

	private final double serverMillis;

	private MachineCpu(Connection server, double serverMillis) {
		this.server = server;
		this.serverMillis = serverMillis;
	}

	/** Starts counting; {@code server} is a connection to the server, kept open. */
	static MachineCpu start(Connection server) throws SQLException {
		return new MachineCpu(server, FleetCounters.serverCpuMillis(server));
	}

	/** The split since {@link #start}, given the client JVM's own CPU time. */
	Split finish(double clientMillis) throws SQLException {
		double wallMillis = (System.nanoTime() - this.startNanos) / 1_000_000.0;
		double busy = (busyTicks() - this.busyTicks) * 10.0;
		double serverUsed = FleetCounters.serverCpuMillis(this.server) - this.serverMillis;
		return new Split(serverUsed, clientMillis, Math.max(0, busy - serverUsed - clientMillis),
				wallMillis * Runtime.getRuntime().availableProcessors());
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

	/**
	 * CPU milliseconds of one run.
	 *
	 * @param server the server's processes
	 * @param client the client JVM
	 * @param other everything else on the machine
	 * @param capacity the machine's CPU milliseconds over the run (wall time x cores)
	 */
	record Split(double server, double client, double other, double capacity) {

		/** The server's and the client's CPU time together: the work the run did. */
		double work() {
			return this.server + this.client;
		}

		/** Whether other processes took more than a tenth of the machine. */
		boolean crowded() {
			return this.other > CROWDED * this.capacity;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"CPU server %.1f s, client %.1f s, other processes %.1f s (%.0f%% of " + "the machine)%s",
					this.server / 1000, this.client / 1000, this.other / 1000, 100 * this.other / this.capacity,
					crowded() ? ", crowded" : "");
		}

	}

}
