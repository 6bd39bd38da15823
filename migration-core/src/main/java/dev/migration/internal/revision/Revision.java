package dev.migration.internal.revision;

import java.util.List;
import java.util.Objects;

/**
 * One node of the graph as the engine sees it: metadata plus upgrade and downgrade
 * bodies. SQL files and Java classes both become this one type.
 *
 * @param id the revision id
 * @param downRevisions down revisions, empty for a root
 * @param dependsOn dependencies that are not down revisions
 * @param branchLabels labels declared on this revision
 * @param message the message (never null)
 * @param created the creation time as written, or empty
 * @param transactional whether the body runs in the step's transaction
 * @param checksum SHA-256 hex of the normalized source, or {@code null} when the source
 * has none (Java)
 * @param location where it came from, for messages
 * @param upgrade the upgrade body
 * @param downgrade the downgrade body, {@code null} when irreversible
 */
public record Revision(String id, List<String> downRevisions, List<String> dependsOn, List<String> branchLabels,
		String message, String created, boolean transactional, String checksum, String location, RevisionBody upgrade,
		RevisionBody downgrade) {

	public Revision {
		Objects.requireNonNull(id, "id");
		downRevisions = List.copyOf(downRevisions);
		dependsOn = List.copyOf(dependsOn);
		branchLabels = List.copyOf(branchLabels);
		message = (message != null) ? message : "";
		created = (created != null) ? created : "";
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(upgrade, "upgrade");
	}

	/** A revision with no bodies' content, for graphs built in tests and tools. */
	public static Revision of(String id, List<String> downRevisions) {
		return new Revision(id, downRevisions, List.of(), List.of(), "", "", true, null, id, SqlBody.EMPTY,
				SqlBody.EMPTY);
	}

	/**
	 * Whether a downgrade through this revision can run: written, or inferable from the
	 * upgrade.
	 */
	public boolean reversible() {
		if (this.downgrade instanceof JavaBody java && java.revision() instanceof InferredDowngrade inferred) {
			return inferred.available();
		}
		return this.downgrade != null;
	}

	public Revision withDependsOn(List<String> dependencies) {
		return new Revision(this.id, this.downRevisions, dependencies, this.branchLabels, this.message, this.created,
				this.transactional, this.checksum, this.location, this.upgrade, this.downgrade);
	}

	public Revision withBranchLabels(List<String> labels) {
		return new Revision(this.id, this.downRevisions, this.dependsOn, labels, this.message, this.created,
				this.transactional, this.checksum, this.location, this.upgrade, this.downgrade);
	}

	public Revision withMessage(String newMessage) {
		return new Revision(this.id, this.downRevisions, this.dependsOn, this.branchLabels, newMessage, this.created,
				this.transactional, this.checksum, this.location, this.upgrade, this.downgrade);
	}

	public Revision irreversible() {
		return new Revision(this.id, this.downRevisions, this.dependsOn, this.branchLabels, this.message, this.created,
				this.transactional, this.checksum, this.location, this.upgrade, null);
	}

}
