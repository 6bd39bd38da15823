package dev.migration.internal.dialect;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock sessions of one fleet run: each worker thread keeps its session from target to
 * target and takes and releases each target's advisory lock on it (the keys differ per
 * target), instead of starting a server backend per target. Only targets of the same
 * database share (see {@link ConnectionSource#sharingLockSessions}); anything else, and
 * any lock taken outside a worker's task, gets a session of its own, closed with the
 * lock. Closing ends the kept sessions.
 */
public final class LockSessions implements AutoCloseable {

	private static final ThreadLocal<LockSessions> CURRENT = new ThreadLocal<>();

	private final Object owner;

	private final ConnectionSource database;

	private final Map<Thread, LockSession> kept = new ConcurrentHashMap<>();

	private volatile boolean closed;

	/**
	 * Whether the run's latest target had neither table (until one is read: a fleet is
	 * most often run to create its tenants): in a fleet being created, the next one
	 * probably has none either.
	 */
	private volatile boolean lastWithoutTables = true;

	/**
	 * @param owner what the targets that may share were made by (identity): a
	 * {@link ConnectionSource} shares only when it names the same owner
	 * @param database where the kept sessions connect: the targets' database, without a
	 * target's session settings ({@code search_path})
	 */
	public LockSessions(Object owner, ConnectionSource database) {
		this.owner = owner;
		this.database = database;
	}

	/** Runs a worker's task, whose locks may use the thread's kept session. */
	public <R> R run(Callable<R> task) throws Exception {
		LockSessions outer = CURRENT.get();
		CURRENT.set(this);
		try {
			return task.call();
		}
		finally {
			if (outer != null) {
				CURRENT.set(outer);
			}
			else {
				CURRENT.remove();
			}
		}
	}

	/**
	 * A session for one lock: the thread's kept one when the source shares with the
	 * running fleet and that session is free, else a new one (kept afterwards if it may
	 * be).
	 */
	static Taken take(ConnectionSource connections) {
		LockSessions current = CURRENT.get();
		if (current == null || current.closed || connections.lockSessionOwner() == null
				|| connections.lockSessionOwner() != current.owner) {
			return new Taken(LockSession.open(connections), null, false);
		}
		LockSession session = current.kept.get(Thread.currentThread());
		if (session != null && !session.busy()) {
			session.busy(true);
			return new Taken(session, current, true);
		}
		if (session != null) {
			// its session is busy with another lock of this thread: one of its own
			return new Taken(LockSession.open(connections), null, false);
		}
		LockSession opened = LockSession.open(current.database);
		opened.busy(true);
		current.kept.put(Thread.currentThread(), opened);
		return new Taken(opened, current, false);
	}

	/**
	 * Whether the targets of the fleet run that {@code connections} belongs to have
	 * lately had neither table, so that the next one had better ask which tables exist
	 * before reading them (a read of a missing table is an error the server logs);
	 * {@code false} outside a fleet run.
	 */
	public static boolean expectNoTables(ConnectionSource connections) {
		LockSessions current = sharedWith(connections);
		return current != null && current.lastWithoutTables;
	}

	/**
	 * Notes whether a target of the fleet run had its tables; see
	 * {@link #expectNoTables}.
	 */
	public static void noteTables(ConnectionSource connections, boolean neither) {
		LockSessions current = sharedWith(connections);
		if (current != null && current.lastWithoutTables != neither) {
			current.lastWithoutTables = neither;
		}
	}

	/** The running fleet of this thread that {@code connections} belongs to, or null. */
	private static LockSessions sharedWith(ConnectionSource connections) {
		LockSessions current = CURRENT.get();
		return (current != null && connections.lockSessionOwner() != null
				&& connections.lockSessionOwner() == current.owner) ? current : null;
	}

	private void keep(LockSession session) {
		session.busy(false);
		// closed meanwhile (an interrupted run): close() left a busy session to its user
		if (this.closed && !this.kept.containsValue(session)) {
			session.close();
		}
	}

	private void forget(LockSession session) {
		this.kept.remove(Thread.currentThread(), session);
	}

	/** Ends the sessions the workers kept; the workers' tasks have ended. */
	@Override
	public void close() {
		this.closed = true;
		this.kept.forEach((thread, session) -> {
			// a session still busy (an interrupted run) is closed when its lock is
			// released
			if (this.kept.remove(thread, session) && !session.busy()) {
				session.close();
			}
		});
	}

	/**
	 * A session taken for one lock.
	 *
	 * @param session the session
	 * @param keeper where it goes back when the lock is released, or {@code null}: it is
	 * closed then
	 * @param reused whether it held other locks before (and may have died since)
	 */
	record Taken(LockSession session, LockSessions keeper, boolean reused) {

		/** After the lock was released: kept for the next target, or closed. */
		void release() {
			if (this.keeper != null) {
				this.keeper.keep(this.session);
			}
			else {
				this.session.close();
			}
		}

		/** The session broke: closed, and never handed out again. */
		void discard() {
			if (this.keeper != null) {
				this.keeper.forget(this.session);
			}
			this.session.discard();
		}

	}

}
