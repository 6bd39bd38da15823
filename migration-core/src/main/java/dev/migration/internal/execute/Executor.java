package dev.migration.internal.execute;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.migration.ChecksumMismatch;
import dev.migration.ChecksumMismatchException;
import dev.migration.ConcurrentChangeException;
import dev.migration.Direction;
import dev.migration.JavaRevision;
import dev.migration.LockLostException;
import dev.migration.LockTimeoutException;
import dev.migration.MigrationConfiguration;
import dev.migration.MigrationDatabaseException;
import dev.migration.MigrationException;
import dev.migration.MigrationListener;
import dev.migration.MigrationResult;
import dev.migration.Plan;
import dev.migration.RevisionFailedException;
import dev.migration.Step;
import dev.migration.UnfinishedRevision;
import dev.migration.UnfinishedRevisionException;
import dev.migration.UnknownRevisionException;
import dev.migration.VersionChange;
import dev.migration.internal.dialect.ConnectionSource;
import dev.migration.internal.dialect.DatabaseMessages;
import dev.migration.internal.dialect.Dialect;
import dev.migration.internal.dialect.LockSessions;
import dev.migration.internal.dialect.MigrationLock;
import dev.migration.internal.execute.VersionStore.HistoryRecord;
import dev.migration.internal.execute.VersionStore.Recheck;
import dev.migration.internal.execute.VersionStore.State;
import dev.migration.internal.graph.Ids;
import dev.migration.internal.graph.RevisionGraph;
import dev.migration.internal.revision.JavaBody;
import dev.migration.internal.revision.Revision;
import dev.migration.internal.revision.RevisionBody;
import dev.migration.internal.revision.SqlBody;
import dev.migration.internal.revision.SqlStatement;
import dev.migration.internal.source.SqlSyntax;

/**
 * Runs plans against the database: reads the version rows (one query when there is
 * nothing to do), takes the lock, re-reads and re-plans if another process moved the
 * database, then runs each step in its own transaction together with its version rows and
 * its history row. A non-transactional step claims itself first (see
 * {@link VersionStore#claim}); an open claim stops upgrades and downgrades until a stamp,
 * and before each step the process checks that it still holds the lock.
 */
public final class Executor {

	private static final System.Logger logger = System.getLogger("dev.migration");

	private static final long FIRST_WAIT_MILLIS = 20;

	private static final long LONGEST_WAIT_MILLIS = 500;

	/**
	 * PostgreSQL's {@code invalid_sql_statement_name}: no prepared statement so named.
	 */
	private static final String PREPARED_STATEMENT_MISSING = "26000";

	private final ConnectionSource connections;

	private final RevisionGraph graph;

	private final MigrationConfiguration settings;

	/**
	 * The configured dialect, else the first connection's: detected once, as the database
	 * does not change.
	 */
	private volatile Dialect dialect;

	public Executor(ConnectionSource connections, RevisionGraph graph, MigrationConfiguration settings) {
		this.connections = connections;
		this.graph = graph;
		this.settings = settings;
		this.dialect = (settings.dialect() != null) ? Dialect.named(settings.dialect()) : null;
	}

	public ConnectionSource connections() {
		return this.connections;
	}

	public MigrationConfiguration settings() {
		return this.settings;
	}

	/**
	 * Plans from the rows in the database and executes the plan.
	 * @param planner the plan from the current rows
	 * @param command what to check before planning
	 * @param appliedBy who runs it, or {@code null} for the database user
	 */
	public MigrationResult run(Function<List<String>, Plan> planner, Command command, String appliedBy) {
		return withConnection((connection, dialect, store) -> {
			State state = store.read(connection, LockSessions.expectNoTables(this.connections));
			LockSessions.noteTables(this.connections, !state.tablesExist() && state.rows().isEmpty());
			if (!check(state, command)) {
				return new MigrationResult(
						new Plan(command.direction(), List.of(), state.rows(), List.of(), state.rows()), state.rows());
			}
			Plan plan = planner.apply(state.rows());
			splitBodies(plan.steps(), dialect);
			if (plan.isEmpty() && command.expectedRows() == null && state.unfinished().isEmpty()) {
				return new MigrationResult(plan, state.rows());
			}
			// without tables, whether they exist under the lock is asked in the round
			// trip that prepares the connection
			String[] probe = (!state.tablesExist() && dialect.batchesStatements()) ? store.probeExpressions() : null;
			String[] answers = (probe != null) ? new String[probe.length] : null;
			try (MigrationLock lock = lock(connection, dialect, store, probe, answers)) {
				// a fresh database gets its tables in its first step's transaction where
				// that step is a batch: no commit (and WAL flush) of their own
				boolean tablesPending = !state.tablesExist() && dialect.batchesStatements()
						&& store.neitherTableExists(connection, answers);
				if (!state.tablesExist() && !tablesPending) {
					store.createTables(connection);
				}
				// under the lock, no other process creates them
				Recheck found = tablesPending ? new Recheck(List.of(), false, 0) : store.recheck(connection, 0);
				if (!sameRows(found.rows(), state.rows())) {
					check(store.read(connection), command);
					plan = planner.apply(found.rows());
				}
				if (command.direction() != Direction.STAMP) {
					// a stamp is how an operator says an unfinished revision was
					// repaired; nothing else passes it
					while (found.claimOpen()) {
						List<String> before = found.rows();
						found = awaitUnfinished(connection, dialect, store, before, store.unfinished(connection));
						if (!sameRows(found.rows(), before)) {
							check(store.read(connection), command);
							plan = planner.apply(found.rows());
						}
					}
				}
				List<String> rows = found.rows();
				if (command.expectedRows() != null && !sameRows(rows, command.expectedRows())) {
					throw new ConcurrentChangeException("The database is at " + Ids.position(rows) + ", not at "
							+ Ids.position(command.expectedRows())
							+ " as the plan expected. Nothing was run. Look again " + "and plan from the new state.");
				}
				if (plan.isEmpty() && found.claimOpen()) {
					plan = clearingStamp(plan, rows);
				}
				Steps run = new Steps(connection, dialect, store, lock,
						(appliedBy != null) ? appliedBy : databaseUser(connection), found.lastHistoryId());
				run.tablesPending = tablesPending;
				try {
					return execute(run, plan, planner, command, rows);
				}
				finally {
					// with the reset of the connection's settings as the lock is released
					String cleanup = store.sessionCleanupSql();
					if (cleanup != null) {
						lock.resetAlso(cleanup);
					}
					if (run.guardCleanup() != null) {
						lock.resetAlso(run.guardCleanup());
					}
				}
			}
		});
	}

	/**
	 * The migration lock; a timeout says when the holder is inside a non-transactional
	 * revision, which ending it would leave half done.
	 */
	private MigrationLock lock(Connection connection, Dialect dialect, VersionStore store, String[] expressions,
			String[] answers) throws SQLException {
		try {
			return (expressions == null)
					? dialect.lock(this.connections, connection, store.versionTableName(), this.settings.lockTimeout())
					: dialect.lock(this.connections, connection, store.versionTableName(), this.settings.lockTimeout(),
							expressions, answers);
		}
		catch (LockTimeoutException ex) {
			List<UnfinishedRevision> unfinished = store.unfinished(connection);
			if (unfinished.isEmpty()) {
				throw ex;
			}
			UnfinishedRevision inside = unfinished.get(unfinished.size() - 1);
			LockTimeoutException timeout = new LockTimeoutException(ex.getMessage() + " The holder is inside revision "
					+ inside.revision() + " (" + inside.direction().word() + ", not transactional) since "
					+ inside.startedAt() + ": ending it now would leave that revision half done.", ex.holder());
			timeout.initCause(ex);
			throw timeout;
		}
	}

	/**
	 * A stamp to where the database already is, while a revision is unfinished: no
	 * version row changes, but the stamp's history row is what clears the mark.
	 */
	private Plan clearingStamp(Plan plan, List<String> rows) {
		String revision = rows.isEmpty() ? null : rows.get(rows.size() - 1);
		String message = (revision != null && this.graph.contains(revision)) ? this.graph.get(revision).message() : "";
		Step step = new Step(Direction.STAMP, revision, message, rows, rows,
				new VersionChange(VersionChange.Kind.STAMP, List.of(), null, null, List.of()));
		return new Plan(plan.direction(), plan.targets(), rows, List.of(step), rows);
	}

	/**
	 * A non-transactional revision was started and not finished. PostgreSQL: this process
	 * holds the lock, so its starter died or lost the lock: refuse at once. SQLite: a
	 * live process may be running it: wait, holding no transaction, until the version
	 * rows move (the caller plans again) or no claim is open, or refuse after the lock
	 * timeout. A revision whose process recorded its failure is refused at once on both.
	 */
	private Recheck awaitUnfinished(Connection connection, Dialect dialect, VersionStore store, List<String> rows,
			List<UnfinishedRevision> unfinished) throws SQLException {
		if (!dialect.rereadsEachStep()) {
			throw unfinished(unfinished,
					"This process holds the migration lock, so nothing runs it now: it was " + "interrupted.");
		}
		if (!unfinished.isEmpty() && unfinished.stream().allMatch(UnfinishedRevision::failed)) {
			throw unfinished(unfinished, "");
		}
		long timeout = this.settings.lockTimeout().toMillis();
		if (!unfinished.isEmpty()) {
			UnfinishedRevision running = unfinished.get(unfinished.size() - 1);
			logger.log(System.Logger.Level.INFO, "Waiting for revision " + running.revision() + " ("
					+ running.direction().word() + ", not transactional), which " + running.startedBy() + " started at "
					+ running.startedAt() + ": another process may be running it. Giving up after " + timeout + " ms.");
		}
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
		long wait = FIRST_WAIT_MILLIS;
		while (true) {
			try {
				TimeUnit.MILLISECONDS.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new MigrationDatabaseException(
						"Interrupted while waiting for an unfinished revision. Nothing " + "was run.", ex);
			}
			wait = Math.min(LONGEST_WAIT_MILLIS, wait * 2);
			Recheck found = store.recheck(connection, 0);
			if (!found.claimOpen() || !sameRows(found.rows(), rows)) {
				return found;
			}
			List<UnfinishedRevision> still = store.unfinished(connection);
			if (!still.isEmpty() && still.stream().allMatch(UnfinishedRevision::failed)) {
				throw unfinished(still, "");
			}
			if (System.nanoTime() - deadline >= 0) {
				throw unfinished(still.isEmpty() ? unfinished : still, "Waited " + timeout + " ms (the lock timeout) "
						+ "for it to finish: if no process runs it any more, it was interrupted.");
			}
		}
	}

	private static UnfinishedRevisionException unfinished(List<UnfinishedRevision> unfinished, String situation) {
		StringBuilder message = new StringBuilder();
		for (UnfinishedRevision revision : unfinished) {
			message.append(revision.describe()).append(' ');
		}
		if (!situation.isEmpty()) {
			message.append(situation).append(' ');
		}
		message.append("Nothing was run.");
		return new UnfinishedRevisionException(message.toString(), unfinished, null);
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
		// known from the configuration or an earlier connection: a listing then costs no
		// connection
		Dialect known = this.dialect;
		return (known != null) ? known : withConnection((connection, dialect, store) -> dialect);
	}

	/** The non-transactional steps started and not finished. */
	public List<UnfinishedRevision> unfinished() {
		return withConnection((connection, dialect, store) -> store.unfinished(connection));
	}

	/**
	 * What a status shows, in one read: rows, last upgrades, the latest history rows, the
	 * unfinished steps.
	 */
	public VersionStore.Status status(int historyLimit) {
		return withConnection((connection, dialect, store) -> store.status(connection, historyLimit));
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

	/**
	 * Refuses unknown rows and changed sources; {@code false} means: do nothing (unknown
	 * rows ignored).
	 */
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
				throw new UnknownRevisionException(store(), unknown);
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

	private MigrationResult execute(Steps run, Plan plan, Function<List<String>, Plan> planner, Command command,
			List<String> startRows) throws SQLException {
		List<Step> done = new ArrayList<>();
		List<String> rows = new ArrayList<>(startRows);
		List<Step> steps = plan.steps();
		splitBodies(steps, run.dialect);
		int index = 0;
		while (index < steps.size()) {
			Step step = steps.get(index);
			Recheck moved = executeStep(run, step, rows);
			if (moved != null && moved.claimOpen() && sameRows(moved.rows(), rows)) {
				// another process claimed a non-transactional step (SQLite): wait for it,
				// then go on or plan again
				moved = awaitUnfinished(run.connection, run.dialect, run.store, rows,
						run.store.unfinished(run.connection));
				run.lastHistoryId = moved.lastHistoryId();
				if (sameRows(moved.rows(), rows)) {
					continue;
				}
			}
			if (moved != null && command.expectedRows() != null) {
				// a plan executed as made (compare and set) must not turn into another
				// plan half way
				throw new ConcurrentChangeException(
						"Another process moved the database to " + Ids.position(moved.rows()) + " while this plan ran; "
								+ (done.isEmpty() ? "nothing was run"
										: "it had run " + done.size() + " of its " + steps.size() + " steps")
								+ ". Look again and plan from the new state.");
			}
			if (moved != null) {
				// another process applied steps between ours (SQLite has no session
				// lock): plan again from there
				logger.log(System.Logger.Level.INFO, "Another process moved the database to "
						+ Ids.position(moved.rows()) + "; planning again from there.");
				rows = new ArrayList<>(moved.rows());
				steps = planner.apply(List.copyOf(rows)).steps();
				splitBodies(steps, run.dialect);
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
	 * Splits the SQL bodies of the steps as the database reads them (each once, kept by
	 * the body) before any runs, so that a malformed revision later in the plan stops it
	 * before the first step instead of after it.
	 */
	private void splitBodies(List<Step> steps, Dialect dialect) {
		SqlSyntax syntax = dialect.syntax();
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

	/**
	 * Runs one step; returns what the re-read found instead of the expected rows, or a
	 * claim of another process, or {@code null} when the step ran. A non-transactional
	 * step first claims itself in a short transaction (a history row that says started,
	 * not finished, committed before its first statement) and completes that row in its
	 * final transaction: a process that dies in between leaves the claim, which stops
	 * everyone else.
	 */
	private Recheck executeStep(Steps run, Step step, List<String> rows) throws SQLException {
		Connection connection = run.connection;
		Dialect dialect = run.dialect;
		VersionStore store = run.store;
		Revision revision = (step.direction() != Direction.STAMP) ? this.graph.get(step.revision()) : null;
		RevisionBody body = (revision == null) ? null
				: (step.direction() == Direction.UPGRADE) ? revision.upgrade() : revision.downgrade();
		boolean transactional = revision == null || revision.transactional();
		long start = System.nanoTime();
		long claim = 0;
		boolean foreignKeysOff = false;
		// the step's version and history statements when they go in its batch, and the
		// statement that prepares them before them
		List<String> writes = null;
		String prepare = null;
		// a batched SQL step checks the lock as its batch's first statement
		String guard = (transactional && body instanceof SqlBody && dialect.batchesStatements()) ? run.guard() : null;
		if (run.tablesPending && guard == null) {
			store.createTables(connection);
			run.tablesPending = false;
		}
		// the tables go first in the step's batch, while none of its steps has committed
		List<String> tables = run.tablesPending ? store.createTablesSql() : null;
		// then, in the command's first guarded batch, the statement that prepares the
		// guard
		String guardPrepare = (guard != null) ? run.guardPrepare() : null;
		List<String> beforeGuard = tables;
		if (guardPrepare != null) {
			beforeGuard = new ArrayList<>((tables != null) ? tables : List.of());
			beforeGuard.add(guardPrepare);
		}
		try {
			if (!transactional) {
				dialect.begin(connection);
				try {
					// the table lock first: a process that lost the lock then finds the
					// claim of the one that took it
					store.lockAgainstClaims(connection);
					requireLock(run, step, rows);
					Recheck found = store.recheck(connection, dialect.rereadsEachStep() ? run.lastHistoryId : 0);
					if (!sameRows(found.rows(), rows) || found.claimOpen()) {
						dialect.rollback(connection);
						return found;
					}
					run.lastHistoryId = found.lastHistoryId();
					claim = store.claim(connection, record(step, revision, run.actor, start, false));
					dialect.commit(connection);
				}
				catch (SQLException | RuntimeException | Error ex) {
					rollbackQuietly(connection, dialect, ex);
					claim = 0;
					throw ex;
				}
				announce(step);
				runBody(connection, dialect, body, false, false, null, null, null, null);
			}
			foreignKeysOff = transactional && dialect.suspendForeignKeys(connection, body);
			dialect.begin(connection);
			try {
				if (transactional) {
					if (guard == null) {
						requireLock(run, step, rows);
					}
					if (dialect.rereadsEachStep()) {
						Recheck found = store.recheck(connection, run.lastHistoryId);
						boolean claimed = found.claimOpen() && step.direction() != Direction.STAMP;
						if (!sameRows(found.rows(), rows) || claimed) {
							dialect.rollback(connection);
							return found;
						}
						run.lastHistoryId = found.lastHistoryId();
					}
					// announced only now: a step refused by the re-read above never
					// started
					announce(step);
					// a guarded batch takes the step's rows along: one round trip less
					// per step
					writes = (guard != null && !foreignKeysOff)
							? store.writeSql(step.versionChange(), record(step, revision, run.actor, start, true))
							: null;
					prepare = (writes != null) ? store.prepareSql() : null;
					int[] counts = runBody(connection, dialect, body, true, foreignKeysOff, beforeGuard, guard, prepare,
							writes);
					if (guardPrepare != null) {
						run.guardPrepared();
					}
					if (writes != null) {
						store.prepared();
						store.checkCounts(step.versionChange(),
								Arrays.copyOfRange(counts, counts.length - writes.size(), counts.length), claim);
					}
				}
				if (foreignKeysOff) {
					checkForeignKeys(connection, dialect);
				}
				if (writes == null) {
					store.write(connection, step.versionChange(), record(step, revision, run.actor, start, true),
							claim);
				}
				dialect.commit(connection);
				run.tablesPending = false;
			}
			catch (SQLException | RuntimeException | Error ex) {
				rollbackQuietly(connection, dialect, ex);
				throw ex;
			}
		}
		catch (LockLostException ex) {
			// nothing of the step ran, and a failure row would be written without the
			// lock
			throw ex;
		}
		catch (StatementFailedException ex) {
			if (guardPrepare != null && guardPrepare.equals(ex.sql()) && ex.getCause() instanceof SQLException cause) {
				// nothing of the step ran
				MigrationDatabaseException refused = new MigrationDatabaseException("Could not prepare the check of "
						+ "the migration lock on " + store.versionTableName() + ": "
						+ DatabaseMessages.sentence(cause.getMessage()) + " Nothing of " + Ids.of(step.revision())
						+ " ran; the database is still at " + Ids.position(rows) + ".", cause);
				notifyFailed(step, start, refused);
				throw refused;
			}
			if (guard != null && guard.equals(ex.sql()) && ex.getCause() instanceof SQLException cause
					&& PREPARED_STATEMENT_MISSING.equals(cause.getSQLState())) {
				MigrationDatabaseException gone = new MigrationDatabaseException(
						"The migrating connection's session lost the prepared check of the migration lock: "
								+ DatabaseMessages.sentence(cause.getMessage()) + " Stopped before "
								+ step.direction().word() + " of " + Ids.of(step.revision())
								+ ", before its first statement; the database is at " + Ids.position(rows)
								+ ". Either a revision before it ran DEALLOCATE ALL or DISCARD ALL (run the command "
								+ "again: each command prepares the check anew), or the connection changed server "
								+ "sessions between two transactions (a pooler in transaction mode, such as "
								+ "PgBouncer's): migrate through a session-mode pool or a direct connection.",
						cause);
				notifyFailed(step, start, gone);
				throw gone;
			}
			if (guard != null && guard.equals(ex.sql())) {
				// the guard failed: the lock is gone and no statement of the step ran
				LockLostException lost = lockLost(run, step, rows);
				lost.initCause(ex.getCause());
				notifyFailed(step, start, lost);
				throw lost;
			}
			if (tables != null && tables.contains(ex.sql()) && ex.getCause() instanceof SQLException cause) {
				// the tables could not be created: nothing ran, and there is nowhere to
				// record it
				MigrationDatabaseException refused = new MigrationDatabaseException(
						"Could not create " + store.versionTableName() + " and its history table: "
								+ DatabaseMessages.sentence(cause.getMessage()) + " Nothing was run.",
						cause);
				notifyFailed(step, start, refused);
				throw refused;
			}
			if (writes != null && (writes.contains(ex.sql()) || ex.sql().equals(prepare))
					&& ex.getCause() instanceof SQLException cause) {
				if (!VersionStore.COMMIT.equals(ex.sql()) && store.refusedCount(cause)) {
					// the version row moved under the step: the server refused the rows
					// and the commit after them
					throw failed(run, step, revision, start,
							rolledBack(store.countRefused(step.versionChange()), rows));
				}
				throw failed(run, step, revision, start, notRecorded(step, store, transactional, rows, cause));
			}
			throw failed(run, step, revision, start, revisionFailed(step, revision, transactional, rows, ex));
		}
		catch (MigrationException ex) {
			throw failed(run, step, revision, start, (claim > 0) ? halfDone(run, step, revision, claim, start, rows, ex)
					: (ex instanceof ConcurrentChangeException concurrent) ? rolledBack(concurrent, rows) : ex);
		}
		catch (SQLException ex) {
			if (claim > 0) {
				throw failed(run, step, revision, start, halfDone(run, step, revision, claim, start, rows, ex));
			}
			if (dialect.isLockTimeout(ex)) {
				// no failed-step history row: writing it would wait for the same lock a
				// second time
				rollbackQuietly(connection, dialect, ex);
				throw lockTimeout(ex, rows, transactional);
			}
			throw failed(run, step, revision, start, notRecorded(step, store, transactional, rows, ex));
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

	private static ConcurrentChangeException rolledBack(ConcurrentChangeException ex, List<String> rows) {
		return new ConcurrentChangeException(
				ex.getMessage() + " The step was rolled back; the database is still at " + Ids.position(rows) + ". Run "
						+ "'current' to see where the database is, then run the command again.");
	}

	private static MigrationDatabaseException notRecorded(Step step, VersionStore store, boolean transactional,
			List<String> rows, SQLException cause) {
		return new MigrationDatabaseException(
				"Could not record " + step.direction().word() + " of " + step.revision() + " in "
						+ store.versionTableName() + ": " + DatabaseMessages.sentence(cause.getMessage())
						+ (transactional ? " The step was rolled back; the database is still at "
								: " None of its statements ran; the database is still at ")
						+ Ids.position(rows) + ".",
				cause);
	}

	/**
	 * Stops before the step's first statement when the lock's session ended or lost the
	 * lock.
	 */
	private static void requireLock(Steps run, Step step, List<String> rows) throws SQLException {
		if (!run.lock.held(run.connection)) {
			throw lockLost(run, step, rows);
		}
	}

	private static LockLostException lockLost(Steps run, Step step, List<String> rows) {
		return new LockLostException("This process lost the migration lock (" + run.lock.describe() + "): its "
				+ "session ended or no longer holds it (an operator's pg_terminate_backend, the server's "
				+ "idle_session_timeout or the network). Stopped before " + step.direction().word() + " of "
				+ Ids.of(step.revision()) + ", before its first statement; " + "the database is at "
				+ Ids.position(rows) + ". Another process may hold the lock now: run the " + "command again.");
	}

	/**
	 * A non-transactional step whose statements ran (all or some) but whose end could not
	 * be recorded: its claim stays as the mark, and the message must not pretend anything
	 * was rolled back.
	 */
	private MigrationException halfDone(Steps run, Step step, Revision revision, long claim, long start,
			List<String> rows, Exception cause) {
		String reason = (cause instanceof SQLException) ? DatabaseMessages.sentence(cause.getMessage())
				: cause.getMessage();
		UnfinishedRevision mark = new UnfinishedRevision(claim, revision.id(), step.direction(),
				revision.downRevisions(), Instant.now().minusNanos(System.nanoTime() - start), run.actor, true);
		return new UnfinishedRevisionException("Revision " + revision.id() + " (" + revision.location() + ") ran "
				+ "its " + step.direction().word() + " statements, but recording it failed: " + reason
				+ " The revision is not transactional: " + leftAsItIs(step, revision, rows), List.of(mark), cause);
	}

	/** What a non-transactional step that did not finish leaves, and the way out. */
	private String leftAsItIs(Step step, Revision revision, List<String> rows) {
		UnfinishedRevision mark = new UnfinishedRevision(0, revision.id(), step.direction(), revision.downRevisions(),
				Instant.now(), "", true);
		return "what it did stays in the database, " + store() + " still says " + Ids.position(rows) + ", and the "
				+ "revision is marked unfinished in " + inSchema(this.settings.historyTable())
				+ ", so no upgrade or downgrade " + "moves past it. Repair the database by hand, then run 'stamp "
				+ String.join(" ", mark.stampIfUndone()) + "' if you undid what it did, or 'stamp "
				+ String.join(" ", mark.stampIfCompleted()) + "' if you completed it.";
	}

	private void announce(Step step) {
		for (MigrationListener listener : this.settings.listeners()) {
			listener.stepStarted(step);
		}
	}

	private static void checkForeignKeys(Connection connection, Dialect dialect) {
		try {
			dialect.checkForeignKeys(connection);
		}
		catch (SQLException ex) {
			throw new StatementFailedException("PRAGMA foreign_key_check", 0, ex);
		}
	}

	/**
	 * Runs the body, with the tables to create and the lock's guard first and the step's
	 * own statements (after the statement that prepares them) last when given; returns
	 * the update counts of a batched SQL body, else {@code null}.
	 */
	private int[] runBody(Connection connection, Dialect dialect, RevisionBody body, boolean inTransaction,
			boolean foreignKeysSuspended, List<String> tables, String guard, String prepare, List<String> writes) {
		if (body instanceof SqlBody sql) {
			List<SqlStatement> statements = sql.statements(dialect.syntax());
			if (tables == null && guard == null && writes == null) {
				return runStatements(connection, dialect, inTransaction, statements,
						(inTransaction && dialect.batchesStatements()) ? sql.rowless(StatementRunner::returnsNoRows)
								: null);
			}
			int before = ((tables != null) ? tables.size() : 0) + ((guard != null) ? 1 : 0);
			int after = ((prepare != null) ? 1 : 0) + ((writes != null) ? writes.size() : 0);
			List<SqlStatement> guarded = new ArrayList<>(before + statements.size() + after);
			if (tables != null) {
				for (String ddl : tables) {
					guarded.add(new SqlStatement(ddl, 0));
				}
			}
			if (guard != null) {
				guarded.add(new SqlStatement(guard, 0));
			}
			guarded.addAll(statements);
			if (prepare != null) {
				guarded.add(new SqlStatement(prepare, 0));
			}
			if (writes != null) {
				for (String write : writes) {
					guarded.add(new SqlStatement(write, 0));
				}
			}
			boolean[] rowless = null;
			if (inTransaction && dialect.batchesStatements()) {
				// the engine's statements return no rows; the body's are known
				rowless = new boolean[guarded.size()];
				Arrays.fill(rowless, true);
				boolean[] bodyRowless = sql.rowless(StatementRunner::returnsNoRows);
				System.arraycopy(bodyRowless, 0, rowless, before, bodyRowless.length);
			}
			return runStatements(connection, dialect, inTransaction, guarded, rowless);
		}
		else if (body instanceof JavaBody java) {
			JavaRevision revision = java.revision();
			JdbcOperations operations = new JdbcOperations(connection, dialect, foreignKeysSuspended);
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
		return null;
	}

	/**
	 * Runs the statements in batches inside a transaction where the database takes them
	 * so ({@code rowless} given: which of them return no rows), else one by one.
	 */
	private static int[] runStatements(Connection connection, Dialect dialect, boolean inTransaction,
			List<SqlStatement> statements, boolean[] rowless) {
		if (inTransaction && dialect.batchesStatements()) {
			return StatementRunner.runBatched(connection, statements, rowless);
		}
		StatementRunner.runEach(connection, statements);
		return null;
	}

	private RevisionFailedException revisionFailed(Step step, Revision revision, boolean transactional,
			List<String> rows, StatementFailedException failure) {
		StringBuilder message = new StringBuilder();
		message.append("Revision ").append(revision.id()).append(" (").append(revision.location());
		if (failure.line() > 0) {
			message.append(", line ").append(failure.line());
		}
		message.append(") failed during ")
			.append(step.direction().word())
			.append(": ")
			.append(DatabaseMessages.sentence(failure.getMessage()));
		if (!failure.sql().isEmpty()) {
			message.append(" Statement: ").append(abbreviate(failure.sql())).append('.');
		}
		if (transactional) {
			message.append(" The step was rolled back; the database is still at ")
				.append(Ids.position(rows))
				.append(". Fix the revision and run the command again.");
		}
		else {
			message.append(" The revision is not transactional, so statements before the failing one are not undone: ")
				.append(leftAsItIs(step, revision, rows));
		}
		return new RevisionFailedException(message.toString(), revision.id(), revision.location(), failure.line(),
				failure.getCause());
	}

	private LockTimeoutException lockTimeout(SQLException cause, List<String> rows) {
		return lockTimeout(cause, rows, true);
	}

	private LockTimeoutException lockTimeout(SQLException cause, List<String> rows, boolean transactional) {
		String holder = "another connection to " + this.connections.describe()
				+ " (SQLite does not tell which process)";
		LockTimeoutException timeout = new LockTimeoutException(
				"Timed out after " + this.settings.lockTimeout().toMillis()
						+ " ms waiting for the database's write lock, held by " + holder + ". "
						+ ((rows == null) ? "Nothing was run. "
								: (transactional ? "The step was rolled back" : "None of its statements ran")
										+ "; the database is still at " + Ids.position(rows) + ". ")
						+ "Find the process with a long write transaction on it, or raise the lock timeout.",
				holder);
		timeout.initCause(cause);
		return timeout;
	}

	/** The version table as messages name it, with its schema when one is set. */
	private String store() {
		return inSchema(this.settings.versionTable());
	}

	private String inSchema(String table) {
		String schema = this.settings.schema();
		return (schema == null || schema.isEmpty()) ? table : schema + "." + table;
	}

	private MigrationException failed(Steps run, Step step, Revision revision, long start, MigrationException failure) {
		try {
			run.dialect.begin(run.connection);
			if (run.tablesPending) {
				// the failed step took the tables with it
				run.store.createTablesInTransaction(run.connection);
			}
			run.store.record(run.connection, record(step, revision, run.actor, start, false));
			run.dialect.commit(run.connection);
			run.tablesPending = false;
		}
		catch (SQLException | RuntimeException ex) {
			rollbackQuietly(run.connection, run.dialect, ex);
			failure.addSuppressed(ex);
		}
		notifyFailed(step, start, failure);
		return failure;
	}

	private void notifyFailed(Step step, long start, MigrationException failure) {
		Duration duration = Duration.ofNanos(System.nanoTime() - start);
		for (MigrationListener listener : this.settings.listeners()) {
			try {
				listener.stepFailed(step, duration, failure);
			}
			catch (RuntimeException ex) {
				failure.addSuppressed(ex);
			}
		}
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
			Dialect dialect = dialectOf(connection);
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
	 * What every step of one command uses; {@code lastHistoryId} moves as steps re-read
	 * the history.
	 */
	private static final class Steps {

		final Connection connection;

		final Dialect dialect;

		final VersionStore store;

		final MigrationLock lock;

		final String actor;

		/**
		 * The history rows up to this id were read, and no claim of another process was
		 * open among them.
		 */
		long lastHistoryId;

		/** Whether the tables are still to be created, by the next step's transaction. */
		boolean tablesPending;

		/** The lock's guard statement, built by the first step that sends it. */
		private String guard;

		/**
		 * Where the database prepares statements: the guard's name, and whether its
		 * PREPARE went through; the guard is then parsed and planned once per command.
		 */
		private String guardName;

		private boolean guardPrepared;

		Steps(Connection connection, Dialect dialect, VersionStore store, MigrationLock lock, String actor,
				long lastHistoryId) {
			this.connection = connection;
			this.dialect = dialect;
			this.store = store;
			this.lock = lock;
			this.actor = actor;
			this.lastHistoryId = lastHistoryId;
		}

		/**
		 * The lock's guard for this command's version table: the same text every step.
		 */
		String guard() {
			if (this.guard == null) {
				String check = this.store.lockGuard(this.lock);
				if (check != null && this.dialect.preparesStatements()) {
					this.guardName = "migration_guard_"
							+ Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
					this.guard = this.dialect.executeStatement(this.guardName, List.of());
				}
				else {
					this.guard = check;
				}
			}
			return this.guard;
		}

		/**
		 * The statement that prepares the guard, to go before it in the same batch, or
		 * {@code null} once it exists or where it is not prepared.
		 */
		String guardPrepare() {
			return (this.guardName != null && !this.guardPrepared)
					? this.dialect.prepareStatement(this.guardName, List.of(), this.store.lockGuard(this.lock)) : null;
		}

		/** The batch with {@link #guardPrepare} went through. */
		void guardPrepared() {
			this.guardPrepared = this.guardName != null;
		}

		/** What drops the prepared guard from the connection, or {@code null}. */
		String guardCleanup() {
			return this.guardPrepared ? this.dialect.deallocateStatement(this.guardName) : null;
		}

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

	private Dialect dialectOf(Connection connection) throws SQLException {
		Dialect detected = this.dialect;
		if (detected == null) {
			detected = Dialect.of(connection);
			this.dialect = detected;
		}
		return detected;
	}

}
