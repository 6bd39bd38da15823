package dev.migration.internal.operations;

/**
 * Thrown by operations that run without a database (recording, rendering) when the
 * revision asks for what only a database has: its connection or its kind.
 */
public final class NeedsDatabaseException extends RuntimeException {

	public NeedsDatabaseException(String what) {
		super(what + " needs a database", null, false, false);
	}

}
