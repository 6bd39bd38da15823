package dev.migration.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What the server's processes do during one run, sampled every 100 ms from a side
 * connection ({@code pg_stat_activity}: each backend's state and wait event, background
 * processes included, e.g. autovacuum workers and the checkpointer), and the checkpoints
 * over the run: whether a slow run waited on the server, on the client, or on a lock.
 */
final class WaitSampler implements AutoCloseable {

	private static final String SAMPLE = "SELECT backend_type, CASE WHEN backend_type = 'client backend' "
			+ "THEN state ELSE '' END, coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, ''), count(*) "
			+ "FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND (datname = ? OR datname IS NULL "
			+ "OR backend_type <> 'client backend') AND (state IS NULL OR state <> 'idle' OR datname = ?) "
			+ "GROUP BY 1, 2, 3";

	private static final String CHECKPOINTS = "SELECT num_timed + num_requested, buffers_written "
			+ "FROM pg_stat_checkpointer";

	private final Connection server;

	private final String database;

	private final Map<String, Integer> counts = new TreeMap<>();

	private final Thread thread;

	private final long[] checkpointsBefore;

	private volatile boolean stopped;

	private int samples;

	WaitSampler(Connection server, String database) throws SQLException {
		this.server = server;
		this.database = database;
		this.checkpointsBefore = checkpoints(server);
		this.thread = new Thread(this::sample, "wait-sampler");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void sample() {
		try (PreparedStatement statement = this.server.prepareStatement(SAMPLE)) {
			statement.setString(1, this.database);
			statement.setString(2, this.database);
			while (!this.stopped) {
				try (ResultSet rows = statement.executeQuery()) {
					synchronized (this.counts) {
						while (rows.next()) {
							this.counts.merge(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3),
									rows.getInt(4), Integer::sum);
						}
						this.samples++;
					}
				}
				TimeUnit.MILLISECONDS.sleep(100);
			}
		}
		catch (SQLException | InterruptedException ex) {
			synchronized (this.counts) {
				this.counts.put("sampler failed: " + ex.getMessage(), 0);
			}
		}
	}

	/**
	 * Stops and returns the summary lines: checkpoints, and the mean number of processes
	 * in each state.
	 */
	List<String> summary() throws Exception {
		this.stopped = true;
		this.thread.join();
		long[] checkpoints = checkpoints(this.server);
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "  checkpoints %d, buffers written %d, samples %d",
				checkpoints[0] - this.checkpointsBefore[0], checkpoints[1] - this.checkpointsBefore[1], this.samples));
		List<Map.Entry<String, Integer>> entries = new ArrayList<>(this.counts.entrySet());
		entries.sort((a, b) -> b.getValue() - a.getValue());
		for (Map.Entry<String, Integer> entry : entries) {
			if (entry.getValue() * 50 >= this.samples) {
				lines.add(String.format(Locale.ROOT, "  %5.2f  %s", entry.getValue() / (double) this.samples,
						entry.getKey()));
			}
		}
		return lines;
	}

	private static long[] checkpoints(Connection server) throws SQLException {
		try (Statement statement = server.createStatement()) {
			statement.execute("SELECT pg_stat_clear_snapshot()");
			try (ResultSet row = statement.executeQuery(CHECKPOINTS)) {
				row.next();
				return new long[] { row.getLong(1), row.getLong(2) };
			}
		}
	}

	@Override
	public void close() throws SQLException {
		this.stopped = true;
		this.server.close();
	}

}
