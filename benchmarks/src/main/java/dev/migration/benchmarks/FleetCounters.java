package dev.migration.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The server's own counts of one fleet run, which do not depend on how busy the machine
 * is: WAL (records, full-page images, bytes, writes, flushes), the run's database
 * (transactions, blocks, tuples), checkpoints, catalog relations, and with
 * {@code pg_stat_statements} loaded the statements. Read before and after a run; the
 * difference is divided by the number of schemas.
 */
final class FleetCounters {

	private static final String WAL = "SELECT wal_records, wal_fpi, wal_bytes, wal_write, wal_sync FROM pg_stat_wal";

	private static final String DATABASE = "SELECT xact_commit, xact_rollback, blks_read, blks_hit, tup_returned, "
			+ "tup_fetched, tup_inserted, tup_updated, tup_deleted, sessions FROM pg_stat_database WHERE datname = ?";

	private static final String CHECKPOINTS = "SELECT num_timed + num_requested AS checkpoints, buffers_written "
			+ "FROM pg_stat_checkpointer";

	private final Map<String, Double> values;

	private FleetCounters(Map<String, Double> values) {
		this.values = values;
	}

	/** The server-wide counts and those of {@code database}, read over {@code server}. */
	static FleetCounters read(Connection server, String database) throws SQLException {
		Map<String, Double> values = new LinkedHashMap<>();
		try (Statement statement = server.createStatement()) {
			// a fresh snapshot: the statistics views otherwise answer as at the
			// transaction's first read
			statement.execute("SELECT pg_stat_clear_snapshot()");
			row(statement, WAL, values, "wal_");
			row(statement, CHECKPOINTS, values, "checkpoint_");
		}
		try (PreparedStatement statement = server.prepareStatement(DATABASE)) {
			statement.setString(1, database);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next()) {
					for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
						values.put(result.getMetaData().getColumnName(column), result.getDouble(column));
					}
				}
			}
		}
		values.put("server_cpu_ms", serverCpuMillis(server));
		return new FleetCounters(values);
	}

	/**
	 * The CPU time of the whole server: the postmaster's own and its ended backends'
	 * (which it reaped), and that of the processes it runs now. Clock ticks of 10 ms.
	 */
	static double serverCpuMillis(Connection server) throws SQLException {
		int postmaster;
		try (Statement statement = server.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
			result.next();
			postmaster = Integer.parseInt(stat(result.getInt(1))[3]);
		}
		String[] own = stat(postmaster);
		long ticks = Long.parseLong(own[13]) + Long.parseLong(own[14]) + Long.parseLong(own[15])
				+ Long.parseLong(own[16]);
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			for (Path process : (Iterable<Path>) processes::iterator) {
				String name = process.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)) {
					continue;
				}
				String[] fields = stat(Integer.parseInt(name));
				if (fields != null && fields[3].equals(String.valueOf(postmaster))) {
					ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ticks * 10.0;
	}

	/** The fields of /proc/PID/stat (the command name, which may hold spaces, as one). */
	private static String[] stat(int pid) {
		try {
			String line = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			int close = line.lastIndexOf(')');
			String[] rest = line.substring(close + 2).split(" ");
			String[] fields = new String[rest.length + 2];
			fields[0] = String.valueOf(pid);
			fields[1] = line.substring(line.indexOf('(') + 1, close);
			System.arraycopy(rest, 0, fields, 2, rest.length);
			return fields;
		}
		catch (IOException ex) {
			// the process ended meanwhile
			return null;
		}
	}

	/** The relations of the tenant schemas (and their TOAST tables), by kind. */
	static String relations(Connection database, int schemas) throws SQLException {
		// a TOAST table counts as kind t; each has an index of its own in pg_toast
		String sql = "SELECT CASE WHEN c.reltoastrelid <> 0 AND toast.n = 1 THEN 't' ELSE c.relkind::text END, "
				+ "count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
				+ "CROSS JOIN (VALUES (0), (1)) toast(n) WHERE n.nspname LIKE 'tenant\\_%' "
				+ "AND (toast.n = 0 OR c.reltoastrelid <> 0) GROUP BY 1 ORDER BY 1";
		List<String> kinds = new ArrayList<>();
		try (Statement statement = database.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				kinds.add(result.getString(1) + "=" + format(result.getDouble(2) / schemas));
			}
		}
		return "relations per schema (r table, i index, S sequence, t TOAST table + its index): "
				+ String.join(" ", kinds);
	}

	/**
	 * The statements of the run, most time first (pg_stat_statements must be loaded and
	 * reset before the run).
	 */
	static List<String> statements(Connection server, int schemas, int limit) throws SQLException {
		// statements that differ only in numbers (t_1, t_2, ...) are one line
		String sql = "SELECT sum(calls), sum(total_exec_time), sum(wal_bytes), sum(wal_records), sum(wal_fpi), "
				+ "left(regexp_replace(regexp_replace(query, '\\s+', ' ', 'g'), '[0-9]+', 'N', 'g'), 100) AS q "
				+ "FROM pg_stat_statements GROUP BY q ORDER BY 2 DESC LIMIT " + limit;
		List<String> lines = new ArrayList<>();
		try (Statement statement = server.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				lines.add(String.format(Locale.ROOT, "  %7s calls %8.1f ms %7s wal_rec %6s fpi %7s wal_bytes  %s",
						format(result.getDouble(1) / schemas), result.getDouble(2) / schemas,
						format(result.getDouble(4) / schemas), format(result.getDouble(5) / schemas),
						format(result.getDouble(3) / schemas), result.getString(6)));
			}
		}
		return lines;
	}

	/** Per schema, what changed from {@code before} to this. */
	String perSchema(FleetCounters before, int schemas) {
		List<String> parts = new ArrayList<>();
		this.values.forEach((name, value) -> {
			double delta = value - before.values.getOrDefault(name, 0.0);
			parts.add(name + "=" + format(name.startsWith("checkpoint_") ? delta : delta / schemas));
		});
		return String.join(" ", parts);
	}

	private static void row(Statement statement, String sql, Map<String, Double> values, String prefix)
			throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			result.next();
			for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
				String name = result.getMetaData().getColumnName(column);
				values.put(name.startsWith(prefix.substring(0, prefix.length() - 1)) ? name : prefix + name,
						result.getDouble(column));
			}
		}
	}

	private static String format(double value) {
		return (Math.abs(value) >= 100) ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%.2f", value);
	}

}
