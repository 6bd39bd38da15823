package dev.migration.internal.source;

import dev.migration.JavaRevision;
import dev.migration.RevisionParseException;
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
	 * Adapts a Java revision. It is reversible exactly when its class overrides {@code downgrade(Operations)}.
	 * @param revision the Java revision
	 * @return the revision, located by its class name and without a checksum
	 * @throws RevisionParseException when an id, down revision or dependency is not a valid revision id
	 */
	public static Revision adapt(JavaRevision revision) {
		String location = revision.getClass().getName();
		// Java revisions have no lines, so errors name only the class (line 0)
		String id = RevisionIdentifiers.requireId(location, 0, "revision", revision.id());
		RevisionBody downgrade = overridesDowngrade(revision) ? new JavaBody(revision, false) : null;
		return new Revision(id, RevisionIdentifiers.requireIds(location, 0, "down_revision", revision.downRevisions()),
				RevisionIdentifiers.requireIds(location, 0, "depends_on", revision.dependsOn()),
				RevisionIdentifiers.requireLabels(location, 0, revision.branchLabels()), revision.message(), "",
				revision.transactional(), null, location, new JavaBody(revision, true), downgrade);
	}

	private static boolean overridesDowngrade(JavaRevision revision) {
		try {
			return revision.getClass().getMethod("downgrade", Operations.class).getDeclaringClass() != JavaRevision.class;
		}
		catch (NoSuchMethodException ex) {
			// cannot happen: every JavaRevision has the interface's public default method
			throw new IllegalStateException(ex);
		}
	}

}
