package dev.migration.internal.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.migration.ChecksumMismatch;
import dev.migration.ChecksumMismatchException;
import dev.migration.ConcurrentChangeException;
import dev.migration.LockTimeoutException;
import dev.migration.Direction;
import dev.migration.JavaRevision;
import dev.migration.MigrationDatabaseException;
import dev.migration.MigrationException;
import dev.migration.MigrationListener;
import dev.migration.MigrationResult;
import dev.migration.Plan;
import dev.migration.RevisionFailedException;
import dev.migration.Step;
import dev.migration.UnknownRevisionException;
import dev.migration.VersionChange;
import dev.migration.internal.dialect.ConnectionSource;
import dev.migration.internal.dialect.DatabaseMessages;
import dev.migration.internal.dialect.Dialect;
import dev.migration.internal.dialect.MigrationLock;
import dev.migration.internal.execute.VersionStore.HistoryRecord;
import dev.migration.internal.execute.VersionStore.State;
import dev.migration.internal.graph.RevisionGraph;
import dev.migration.internal.operations.RecordingOperations;
import dev.migration.internal.revision.JavaBody;
import dev.migration.internal.revision.Revision;
import dev.migration.internal.revision.RevisionBody;
import dev.migration.internal.revision.SqlBody;
import dev.migration.internal.revision.SqlStatement;
import dev.migration.internal.source.SqlSyntax;

/**
 * Runs plans against the database: reads the version rows (one query when there is nothing to do), takes the lock,
 * re-reads and re-plans if another process moved the database, then runs each step in its own transaction together
 * with its version rows and its history row.
 */
public final class Executor {

	private static final System.Logger logger = System.getLogger("dev.migration");

	private static final String FOREIGN = "foreign";

	private static final String FOREIGN_KEYS = FOREIGN + "_keys";

	/** The statement, possibly after comments: {@code PRAGMA [main.]foreign_keys = OFF | 0 | FALSE | NO}. */
	private static final Pattern FOREIGN_KEYS_OFF = Pattern.compile(
			"(?i)(^|\\s)PRAGMA\\s+(\"?main\"?\\s*\\.\\s*)?foreign_keys\\s*=\\s*'?(off|0|false|no)'?\\s*$");

	private final ConnectionSource connections;

	private final RevisionGraph graph;

	private final Settings settings;

	public Executor(ConnectionSource connections, RevisionGraph graph, Settings settings) {
		this.connections = connections;
		this.graph = graph;
		this.settings = settings;
	}

	/**
	 * Plans from the rows in the database and executes the plan.
	 * @param planner the plan from the current rows
	 * @param command what to check before planning
	 * @param appliedBy who runs it, or {@code null} for the database user
	 */
	public MigrationResult run(Function<List<String>, Plan> planner, Command command, String appliedBy) {
		return withConnection((connection, dialect, store) -> {
			State state = store.read(connection);
			if (!check(state, command)) {
				return new MigrationResult(new Plan(command.direction(), List.of(), state.rows(), List.of(),
						state.rows()), state.rows());
			}
			Plan plan = planner.apply(state.rows());
			splitBodies(plan.steps(), dialect);
			if (plan.isEmpty() && command.expectedRows() == null) {
				return new MigrationResult(plan, state.rows());
			}
			try (MigrationLock lock = dialect.lock(this.connections, connection, store.versionTableName(),
					this.settings.lockTimeout())) {
				if (!state.tablesExist()) {
					store.createTables(connection);
				}
				List<String> rows = store.rows(connection);
				if (!sameRows(rows, state.rows())) {
					state = store.read(connection);
					check(state, command);
					plan = planner.apply(rows);
				}
				if (command.expectedRows() != null && !sameRows(rows, command.expectedRows())) {
					throw new ConcurrentChangeException("The database is at " + describe(rows) + ", not at "
							+ describe(command.expectedRows()) + " as the plan expected. Nothing was run. Look again "
							+ "and plan from the new state.");
				}
				return execute(connection, dialect, store, plan, planner, command, rows, appliedBy);
			}
		});
	}

	/** The version rows, without creating anything. */
	public List<String> currentRows() {
		return withConnection((connection, dialect, store) -> store.currentRows(connection));
	}

	/** The state for reads: rows and applied checksums, without creating anything. */
	public State state() {
		return withConnection((connection, dialect, store) -> store.read(connection));
	}

	/** The dialect of the configured database. */
	public Dialect dialect() {
		return withConnection((connection, dialect, store) -> dialect);
	}

	public List<dev.migration.HistoryEntry> history(int limit) {
		return withConnection((connection, dialect, store) -> store.history(connection, limit));
	}

	/** Applied revisions whose source changed since they ran. */
	public List<ChecksumMismatch> mismatches(State state) {
		List<String> known = new ArrayList<>();
		for (String row : state.rows()) {
			if (this.graph.contains(row)) {
				known.add(row);
			}
		}
		Set<String> applied = this.graph.ancestors(known);
		List<ChecksumMismatch> mismatches = new ArrayList<>();
		for (String id : this.graph.sortAscending(applied)) {
			String recorded = state.appliedChecksums().get(id);
			Revision revision = this.graph.get(id);
			if (recorded != null && revision.checksum() != null && !recorded.equals(revision.checksum())) {
				mismatches.add(new ChecksumMismatch(id, revision.location(), recorded, revision.checksum()));
			}
		}
		return mismatches;
	}

	/** Refuses unknown rows and changed sources; {@code false} means: do nothing (unknown rows ignored). */
	private boolean check(State state, Command command) {
		if (!command.purge()) {
			List<String> unknown = new ArrayList<>();
			for (String row : state.rows()) {
				if (!this.graph.contains(row)) {
					unknown.add(row);
				}
			}
			if (!unknown.isEmpty()) {
				if (this.settings.ignoreUnknownRevisions() && command.direction() == Direction.UPGRADE) {
					logger.log(System.Logger.Level.WARNING, "The database is at revision " + String.join(", ", unknown)
							+ ", which this application does not know (it is probably older than the database); "
							+ "upgrading nothing because unknown revisions are ignored.");
					return false;
				}
				throw new UnknownRevisionException(this.settings.versionTable(), unknown);
			}
		}
		if (this.settings.validateChecksums() && command.direction() != Direction.STAMP) {
			List<ChecksumMismatch> mismatches = mismatches(state);
			if (!mismatches.isEmpty()) {
				throw new ChecksumMismatchException(mismatches);
			}
		}
		return true;
	}

	private MigrationResult execute(Connection connection, Dialect dialect, VersionStore store, Plan plan,
			Function<List<String>, Plan> planner, Command command, List<String> startRows, String appliedBy)
			throws SQLException {
		String actor = (appliedBy != null) ? appliedBy : databaseUser(connection);
		List<Step> done = new ArrayList<>();
		List<String> rows = new ArrayList<>(startRows);
		List<Step> steps = plan.steps();
		splitBodies(steps, dialect);
		int index = 0;
		while (index < steps.size()) {
			Step step = steps.get(index);
			List<String> moved = executeStep(connection, dialect, store, step, rows, actor);
			if (moved != null && command.expectedRows() != null) {
				// a plan executed as made (compare and set) must not turn into another plan half way
				throw new ConcurrentChangeException("Another process moved the database to " + describe(moved)
						+ " while this plan ran; " + (done.isEmpty() ? "nothing was run"
								: "it had run " + done.size() + " of its " + steps.size() + " steps")
						+ ". Look again and plan from the new state.");
			}
			if (moved != null) {
				// another process applied steps between ours (SQLite has no session lock): plan again from there
				logger.log(System.Logger.Level.INFO, "Another process moved the database to " + describe(moved)
						+ "; planning again from there.");
				rows = new ArrayList<>(moved);
				steps = planner.apply(List.copyOf(rows)).steps();
				splitBodies(steps, dialect);
				index = 0;
				continue;
			}
			rows = after(rows, step.versionChange());
			done.add(step);
			index++;
		}
		return new MigrationResult(new Plan(plan.direction(), plan.targets(), startRows, done, rows), rows);
	}

	/**
	 * Splits the SQL bodies of the steps as the database reads them (each once, kept by the body) before any runs,
	 * so that a malformed revision later in the plan stops it before the first step instead of after it.
	 */
	private void splitBodies(List<Step> steps, Dialect dialect) {
		SqlSyntax syntax = SqlSyntax.of(dialect.name());
		for (Step step : steps) {
			if (step.direction() != Direction.STAMP && body(step) instanceof SqlBody sql) {
				sql.statements(syntax);
			}
		}
	}

	private RevisionBody body(Step step) {
		Revision revision = this.graph.get(step.revision());
		return (step.direction() == Direction.UPGRADE) ? revision.upgrade() : revision.downgrade();
	}

	/** Runs one step; returns the rows found instead of the expected ones when another process moved them. */
	private List<String> executeStep(Connection connection, Dialect dialect, VersionStore store, Step step,
			List<String> rows, String actor) throws SQLException {
		Revision revision = (step.direction() != Direction.STAMP) ? this.graph.get(step.revision()) : null;
		RevisionBody body = (revision == null) ? null
				: (step.direction() == Direction.UPGRADE) ? revision.upgrade() : revision.downgrade();
		boolean transactional = revision == null || revision.transactional();
		long start = System.nanoTime();
		boolean foreignKeysOff = false;
		try {
			if (!transactional) {
				if (dialect.rereadsEachStep()) {
					dialect.begin(connection);
					List<String> found = store.rows(connection);
					dialect.commit(connection);
					if (!sameRows(found, rows)) {
						return found;
					}
				}
				announce(step);
				runBody(connection, dialect, body, false, false);
			}
			BooleanSupplier needsForeignKeysOff = transactional ? foreignKeysOffRequest(body, dialect) : null;
			foreignKeysOff = needsForeignKeysOff != null && dialect.suspendForeignKeys(connection, needsForeignKeysOff);
			dialect.begin(connection);
			try {
				if (dialect.rereadsEachStep()) {
					List<String> found = store.rows(connection);
					if (!sameRows(found, rows)) {
						dialect.rollback(connection);
						return found;
					}
				}
				if (transactional) {
					// announced only now: a step refused by the re-read above never started
					announce(step);
					runBody(connection, dialect, body, true, foreignKeysOff);
				}
				if (foreignKeysOff) {
					checkForeignKeys(connection, dialect);
				}
				store.write(connection, step.versionChange(), record(step, revision, actor, start, true));
				dialect.commit(connection);
			}
			catch (SQLException | RuntimeException | Error ex) {
				rollbackQuietly(connection, dialect, ex);
				throw ex;
			}
		}
		catch (StatementFailedException ex) {
			throw failed(connection, dialect, store, step, revision, actor, start,
					revisionFailed(step, revision, transactional, rows, ex));
		}
		catch (MigrationException ex) {
			throw failed(connection, dialect, store, step, revision, actor, start, ex);
		}
		catch (SQLException ex) {
			if (dialect.isLockTimeout(ex)) {
				// no failed-step history row: writing it would wait for the same lock a second time
				rollbackQuietly(connection, dialect, ex);
				throw lockTimeout(ex, rows);
			}
			throw failed(connection, dialect, store, step, revision, actor, start,
					new MigrationDatabaseException("Could not record " + step.direction().word() + " of "
							+ step.revision() + " in " + store.versionTableName() + ": " + DatabaseMessages.sentence(ex.getMessage())
							+ " The step was rolled back; the database is still at " + describe(rows) + ".", ex));
		}
		finally {
			if (foreignKeysOff) {
				dialect.resumeForeignKeys(connection);
			}
		}
		Duration duration = Duration.ofNanos(System.nanoTime() - start);
		for (MigrationListener listener : this.settings.listeners()) {
			listener.stepSucceeded(step, duration);
		}
		return null;
	}

	private void announce(Step step) {
		for (MigrationListener listener : this.settings.listeners()) {
			listener.stepStarted(step);
		}
	}

	/**
	 * What tells whether the step runs with foreign keys off, or {@code null} when nothing could: a Java step that
	 * moves and copies a table (known by recording it, so asked only where foreign keys are on), or a SQL step that
	 * says {@code PRAGMA foreign_keys = OFF} (what a hand-written or generated move-and-copy does, and what SQLite
	 * ignores inside the step's transaction). Most SQL steps say nothing about foreign keys and cost no query.
	 */
	private static BooleanSupplier foreignKeysOffRequest(RevisionBody body, Dialect dialect) {
		if (body instanceof JavaBody java) {
			return () -> RecordingOperations.movesAndCopies(java.revision(), java.upgrade(), dialect.name());
		}
		if (body instanceof SqlBody sql) {
			for (SqlStatement statement : sql.statements(SqlSyntax.of(dialect.name()))) {
				String text = statement.sql();
				// the regular expression only for the rare statement that mentions the pragma at all
				if (mentionsForeignKeys(text) && FOREIGN_KEYS_OFF.matcher(text).find()) {
					return () -> true;
				}
			}
		}
		return null;
	}

	/**
	 * Whether the text says {@code foreign_keys} in any case. Found from its underscores, which a statement has few
	 * of, rather than by comparing at every character: it runs for every statement of a cold apply.
	 */
	private static boolean mentionsForeignKeys(String text) {
		for (int underscore = text.indexOf('_'); underscore >= 0; underscore = text.indexOf('_', underscore + 1)) {
			if (text.regionMatches(true, underscore - FOREIGN.length(), FOREIGN_KEYS, 0, FOREIGN_KEYS.length())) {
				return true;
			}
		}
		return false;
	}

	private static void checkForeignKeys(Connection connection, Dialect dialect) {
		try {
			dialect.checkForeignKeys(connection);
		}
		catch (SQLException ex) {
			throw new StatementFailedException("PRAGMA foreign_key_check", 0, ex);
		}
	}

	private void runBody(Connection connection, Dialect dialect, RevisionBody body, boolean inTransaction,
			boolean foreignKeysSuspended) {
		if (body instanceof SqlBody sql) {
			List<SqlStatement> statements = sql.statements(SqlSyntax.of(dialect.name()));
			if (inTransaction && dialect.batchesStatements()) {
				StatementRunner.runBatched(connection, statements);
			}
			else {
				StatementRunner.runEach(connection, statements);
			}
		}
		else if (body instanceof JavaBody java) {
			JavaRevision revision = java.revision();
			JdbcOperations operations = new JdbcOperations(connection, dialect.name(), foreignKeysSuspended);
			try {
				if (java.upgrade()) {
					revision.upgrade(operations);
				}
				else {
					revision.downgrade(operations);
				}
			}
			catch (StatementFailedException | MigrationException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new StatementFailedException("", 0, new SQLException(ex.toString(), ex));
			}
		}
	}

	private RevisionFailedException revisionFailed(Step step, Revision revision, boolean transactional,
			List<String> rows, StatementFailedException failure) {
		StringBuilder message = new StringBuilder();
		message.append("Revision ").append(revision.id()).append(" (").append(revision.location());
		if (failure.line() > 0) {
			message.append(", line ").append(failure.line());
		}
		message.append(") failed during ").append(step.direction().word()).append(": ")
			.append(DatabaseMessages.sentence(failure.getMessage()));
		if (!failure.sql().isEmpty()) {
			message.append(" Statement: ").append(abbreviate(failure.sql())).append('.');
		}
		if (transactional) {
			message.append(" The step was rolled back; the database is still at ").append(describe(rows))
				.append(". Fix the revision and run the command again.");
		}
		else {
			message.append(" The revision is not transactional: statements before the failing one stay applied, and ")
				.append(store()).append(" still says ").append(describe(rows))
				.append(". Repair the database by hand, then run the command again.");
		}
		return new RevisionFailedException(message.toString(), revision.id(), revision.location(), failure.line(),
				failure.getCause());
	}

	private LockTimeoutException lockTimeout(SQLException cause, List<String> rows) {
		String holder = "another connection to " + this.connections.describe()
				+ " (SQLite does not tell which process)";
		LockTimeoutException timeout = new LockTimeoutException("Timed out after "
				+ this.settings.lockTimeout().toMillis() + " ms waiting for the database's write lock, held by "
				+ holder + ". " + ((rows != null) ? "The step was rolled back; the database is still at "
						+ describe(rows) + ". " : "Nothing was run. ")
				+ "Find the process with a long write transaction on it, or raise the lock timeout.", holder);
		timeout.initCause(cause);
		return timeout;
	}

	private String store() {
		return this.settings.versionTable();
	}

	private MigrationException failed(Connection connection, Dialect dialect, VersionStore store, Step step,
			Revision revision, String actor, long start, MigrationException failure) {
		try {
			dialect.begin(connection);
			store.record(connection, record(step, revision, actor, start, false));
			dialect.commit(connection);
		}
		catch (SQLException | RuntimeException ex) {
			rollbackQuietly(connection, dialect, ex);
			failure.addSuppressed(ex);
		}
		Duration duration = Duration.ofNanos(System.nanoTime() - start);
		for (MigrationListener listener : this.settings.listeners()) {
			try {
				listener.stepFailed(step, duration, failure);
			}
			catch (RuntimeException ex) {
				failure.addSuppressed(ex);
			}
		}
		return failure;
	}

	private HistoryRecord record(Step step, Revision revision, String actor, long start, boolean success) {
		long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		List<String> down = (revision != null) ? revision.downRevisions() : step.from();
		String revisionId = (step.revision() != null) ? step.revision() : null;
		return new HistoryRecord(revisionId, step.direction(), down, step.message(),
				(revision != null) ? revision.checksum() : null, Instant.now(), actor, millis, success);
	}

	private static void rollbackQuietly(Connection connection, Dialect dialect, Throwable failure) {
		try {
			dialect.rollback(connection);
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
		}
	}

	private static List<String> after(List<String> rows, VersionChange change) {
		Set<String> result = new LinkedHashSet<>(rows);
		result.removeAll(change.deletes());
		if (change.hasUpdate()) {
			result.remove(change.updateFrom());
			result.add(change.updateTo());
		}
		result.addAll(change.inserts());
		return new ArrayList<>(result);
	}

	private static boolean sameRows(List<String> left, List<String> right) {
		return left.size() == right.size() && new HashSet<>(left).equals(new HashSet<>(right));
	}

	static String describe(List<String> rows) {
		return rows.isEmpty() ? "base (no revision applied)" : String.join(", ", rows);
	}

	private static String abbreviate(String sql) {
		String flat = sql.replaceAll("\\s+", " ").trim();
		return (flat.length() <= 200) ? flat : flat.substring(0, 197) + "...";
	}

	private static String databaseUser(Connection connection) {
		try {
			String user = connection.getMetaData().getUserName();
			if (user != null && !user.isBlank()) {
				return user;
			}
		}
		catch (SQLException ex) {
			// fall back to the operating system user below
		}
		return System.getProperty("user.name", "unknown");
	}

	private <T> T withConnection(Work<T> work) {
		try (Connection connection = this.connections.open()) {
			Dialect dialect = this.settings.dialect(connection);
			VersionStore store = new VersionStore(dialect, this.settings.schema(), this.settings.versionTable(),
					this.settings.historyTable());
			Object prepared = dialect.prepare(connection, this.settings.lockTimeout());
			try {
				return work.run(connection, dialect, store);
			}
			catch (SQLException ex) {
				if (dialect.isLockTimeout(ex)) {
					throw lockTimeout(ex, null);
				}
				throw ex;
			}
			finally {
				dialect.restore(connection, prepared);
			}
		}
		catch (SQLException ex) {
			throw new MigrationDatabaseException("Database error on " + this.connections.describe() + ": "
					+ DatabaseMessages.sentence(ex.getMessage()) + " Nothing more was run.", ex);
		}
	}

	@FunctionalInterface
	private interface Work<T> {

		T run(Connection connection, Dialect dialect, VersionStore store) throws SQLException;

	}

	/**
	 * What the command needs checked before it plans.
	 *
	 * @param direction the command
	 * @param purge a stamp that ignores the current rows
	 * @param expectedRows the rows the caller saw when it planned, or {@code null}
	 */
	public record Command(Direction direction, boolean purge, List<String> expectedRows) {

		public static Command of(Direction direction) {
			return new Command(direction, false, null);
		}

	}

	/**
	 * The executor's settings, taken from the configuration.
	 */
	public interface Settings {

		String schema();

		String versionTable();

		String historyTable();

		Duration lockTimeout();

		boolean validateChecksums();

		boolean ignoreUnknownRevisions();

		List<MigrationListener> listeners();

		Dialect dialect(Connection connection) throws SQLException;

	}


}
