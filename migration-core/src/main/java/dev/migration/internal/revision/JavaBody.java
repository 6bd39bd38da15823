package dev.migration.internal.revision;

import dev.migration.JavaRevision;
import dev.migration.operations.Operations;

/**
 * The upgrade or downgrade method of a Java revision.
 */
public record JavaBody(JavaRevision revision, boolean upgrade) implements RevisionBody {

	/** Runs the method this body names against the given operations. */
	public void run(Operations operations) throws Exception {
		if (this.upgrade) {
			this.revision.upgrade(operations);
		}
		else {
			this.revision.downgrade(operations);
		}
	}

}
