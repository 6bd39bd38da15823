package dev.migration.internal.source;

import dev.migration.JavaRevision;
import dev.migration.RevisionParseException;
import dev.migration.internal.operations.InverseRevision;
import dev.migration.internal.revision.JavaBody;
import dev.migration.internal.revision.Revision;
import dev.migration.internal.revision.RevisionBody;
import dev.migration.operations.Operations;

/**
 * Turns {@link JavaRevision} classes into revisions of the graph, next to the SQL files.
 */
public final class JavaRevisions {

	private JavaRevisions() {
	}

	/**
	 * Adapts a Java revision. It is reversible when its class overrides
	 * {@code downgrade(Operations)}, or when every operation its upgrade records has an
	 * inverse: then the downgrade replays the inverses in reverse order. The recording
	 * runs the upgrade against no database, and only when a downgrade through the
	 * revision is planned or its reversibility is listed; never here.
	 * @param revision the Java revision
	 * @return the revision, located by its class name and without a checksum
	 * @throws RevisionParseException when an id, down revision or dependency is not a
	 * valid revision id
	 */
	public static Revision adapt(JavaRevision revision) {
		String location = revision.getClass().getName();
		// Java revisions have no lines, so errors name only the class (line 0)
		String id = RevisionIdentifiers.requireId(location, 0, "revision", revision.id());
		// without a written downgrade, the inverse of the upgrade's operations, worked
		// out only when asked
		RevisionBody downgrade = new JavaBody(overridesDowngrade(revision) ? revision : new InverseRevision(revision),
				false);
		return new Revision(id, RevisionIdentifiers.requireIds(location, 0, "down_revision", revision.downRevisions()),
				RevisionIdentifiers.requireIds(location, 0, "depends_on", revision.dependsOn()),
				RevisionIdentifiers.requireLabels(location, 0, revision.branchLabels()), revision.message(), "",
				revision.transactional(), null, location, new JavaBody(revision, true), downgrade);
	}

	private static boolean overridesDowngrade(JavaRevision revision) {
		try {
			return revision.getClass()
				.getMethod("downgrade", Operations.class)
				.getDeclaringClass() != JavaRevision.class;
		}
		catch (NoSuchMethodException ex) {
			// cannot happen: every JavaRevision has the interface's public default method
			throw new IllegalStateException(ex);
		}
	}

}
