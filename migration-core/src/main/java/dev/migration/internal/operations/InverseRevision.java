package dev.migration.internal.operations;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.migration.JavaRevision;
import dev.migration.internal.revision.InferredDowngrade;
import dev.migration.operations.Operations;

/**
 * The downgrade of a Java revision that did not write one: the inverses of its upgrade's
 * operations, replayed in reverse order. The upgrade is recorded (against no database)
 * the first time anyone asks, never at load time, so a revision's code does not run
 * before its step unless a downgrade through it is planned or its reversibility is
 * listed. Equal when it wraps the same revision.
 */
public final class InverseRevision implements JavaRevision, InferredDowngrade {

	private final JavaRevision revision;

	private volatile Optional<List<Operation>> inverse;

	public InverseRevision(JavaRevision revision) {
		this.revision = revision;
	}

	/**
	 * The inverse operations, recorded on first use; empty when one operation has none.
	 */
	public Optional<List<Operation>> inverse() {
		Optional<List<Operation>> result = this.inverse;
		if (result == null) {
			result = RecordingOperations.inverseOf(this.revision);
			this.inverse = result;
		}
		return result;
	}

	@Override
	public boolean available() {
		return inverse().isPresent();
	}

	public JavaRevision revision() {
		return this.revision;
	}

	@Override
	public String id() {
		return this.revision.id();
	}

	@Override
	public List<String> downRevisions() {
		return this.revision.downRevisions();
	}

	@Override
	public void upgrade(Operations operations) throws Exception {
		this.revision.upgrade(operations);
	}

	@Override
	public void downgrade(Operations operations) {
		List<Operation> operationsToReplay = inverse().orElseThrow(() -> new IllegalStateException(
				"Revision " + id() + " has no downgrade and its upgrade cannot be inverted"));
		for (Operation operation : operationsToReplay) {
			operation.replay(operations);
		}
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof InverseRevision that) && this.revision.equals(that.revision);
	}

	@Override
	public int hashCode() {
		return Objects.hash(InverseRevision.class, this.revision);
	}

}
