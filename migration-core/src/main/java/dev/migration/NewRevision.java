package dev.migration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A SQL revision to write ({@code revision}, {@code merge}, autogenerate): what
 * {@link Migrations#writeRevision} checks by the parser's rules and writes. Lists keep
 * what they are given, {@code null} items included, so that the check, not this record,
 * says what is wrong.
 *
 * @param id the id, or {@code null} for 12 random hex characters
 * @param downRevisions the revisions it follows; empty for a new root, two or more for a
 * merge
 * @param message one line; surrounding whitespace is dropped, as the parser drops it
 * @param branchLabels labels for the new revision
 * @param dependsOn revisions it depends on without following them
 * @param upgradeSql the upgrade section, empty for none
 * @param downgradeSql the downgrade section, empty for none
 */
public record NewRevision(String id, List<String> downRevisions, String message, List<String> branchLabels,
		List<String> dependsOn, String upgradeSql, String downgradeSql) {

	public NewRevision {
		downRevisions = copy(downRevisions);
		message = (message != null) ? message : "";
		branchLabels = copy(branchLabels);
		dependsOn = copy(dependsOn);
		upgradeSql = (upgradeSql != null) ? upgradeSql : "";
		downgradeSql = (downgradeSql != null) ? downgradeSql : "";
	}

	/** A revision with a random id, no labels, no dependencies and empty sections. */
	public static NewRevision of(String message, List<String> downRevisions) {
		return new NewRevision(null, downRevisions, message, List.of(), List.of(), "", "");
	}

	public NewRevision withId(String newId) {
		return new NewRevision(newId, this.downRevisions, this.message, this.branchLabels, this.dependsOn,
				this.upgradeSql, this.downgradeSql);
	}

	public NewRevision withBranchLabels(List<String> labels) {
		return new NewRevision(this.id, this.downRevisions, this.message, labels, this.dependsOn, this.upgradeSql,
				this.downgradeSql);
	}

	public NewRevision withDependsOn(List<String> dependencies) {
		return new NewRevision(this.id, this.downRevisions, this.message, this.branchLabels, dependencies,
				this.upgradeSql, this.downgradeSql);
	}

	/** With both sections, each ending with a line break or empty. */
	public NewRevision withSql(String upgrade, String downgrade) {
		return new NewRevision(this.id, this.downRevisions, this.message, this.branchLabels, this.dependsOn, upgrade,
				downgrade);
	}

	private static List<String> copy(List<String> values) {
		return (values != null) ? Collections.unmodifiableList(new ArrayList<>(values)) : List.of();
	}

}
