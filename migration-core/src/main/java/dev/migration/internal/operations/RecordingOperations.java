package dev.migration.internal.operations;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.migration.JavaRevision;
import dev.migration.internal.dialect.Dialect;

/**
 * Records the operations of a Java revision's upgrade without a database, to know its
 * inverse before anything runs, and whether a step moves and copies tables before its
 * transaction opens.
 */
public final class RecordingOperations extends AbstractOperations {

	private final List<Operation> operations = new ArrayList<>();

	private final Dialect dialect;

	/** A recorder for a revision's inverse, which holds on every database. */
	public RecordingOperations() {
		this(null);
	}

	private RecordingOperations(Dialect dialect) {
		this.dialect = dialect;
	}

	@Override
	protected void apply(Operation operation) {
		this.operations.add(operation);
	}

	@Override
	public Connection connection() {
		throw new NeedsDatabaseException("connection()");
	}

	@Override
	public String dialect() {
		if (this.dialect == null) {
			throw new NeedsDatabaseException("dialect()");
		}
		return this.dialect.name();
	}

	public List<Operation> operations() {
		return Collections.unmodifiableList(this.operations);
	}

	/**
	 * The inverse of a revision's upgrade: the inverses of its operations in reverse
	 * order, or empty when the upgrade needs a database, fails without one, or holds an
	 * operation that has no inverse.
	 */
	public static Optional<List<Operation>> inverseOf(JavaRevision revision) {
		RecordingOperations recorder = new RecordingOperations();
		try {
			revision.upgrade(recorder);
		}
		catch (Exception | LinkageError ex) {
			return Optional.empty();
		}
		return inverse(recorder.operations());
	}

	/**
	 * Whether the revision's upgrade or downgrade moves and copies a table on the
	 * dialect, as far as recording it shows: {@code false} when it asks for its
	 * connection (or fails without one) before any such operation.
	 */
	public static boolean movesAndCopies(JavaRevision revision, boolean upgrade, Dialect dialect) {
		RecordingOperations recorder = new RecordingOperations(dialect);
		try {
			if (upgrade) {
				revision.upgrade(recorder);
			}
			else {
				revision.downgrade(recorder);
			}
		}
		catch (Exception | LinkageError ex) {
			// what was recorded before still counts
		}
		SqlRenderer renderer = dialect.renderer();
		return recorder.operations.stream().anyMatch(renderer::needsCopy);
	}

	/** The inverses in reverse order, or empty when one operation has none. */
	public static Optional<List<Operation>> inverse(List<Operation> operations) {
		Set<String> created = new HashSet<>();
		for (Operation operation : operations) {
			if (operation instanceof Operation.CreateTable create) {
				created.add(create.table());
			}
		}
		List<Operation> inverse = new ArrayList<>();
		for (Operation operation : operations) {
			if (operation instanceof Operation.BulkInsert insert && created.contains(insert.table())) {
				// the inverse drops the table, and its rows with it
				continue;
			}
			Optional<Operation> undo = operation.inverse();
			if (undo.isEmpty()) {
				return Optional.empty();
			}
			inverse.add(undo.get());
		}
		Collections.reverse(inverse);
		return Optional.of(inverse);
	}

}
