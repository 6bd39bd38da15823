package dev.migration;

import java.util.List;

/**
 * Everything known about one revision of the graph, for listing and display.
 *
 * @param id the revision id
 * @param downRevisions its down revisions (empty for a root, several for a merge point)
 * @param dependsOn revisions it depends on without descending from them
 * @param branchLabels labels declared on this revision
 * @param message its message
 * @param created when it was written, as written in its header (may be empty)
 * @param transactional whether its statements run in one transaction with its version rows
 * @param reversible whether it has a downgrade
 * @param checksum SHA-256 hex of its normalized source ({@code null} for Java revisions)
 * @param location the file, resource or class it came from
 * @param head no revision names it as down revision or dependency
 * @param branchPoint more than one revision names it as down revision
 * @param mergePoint it has more than one down revision
 * @param upgradeSql the upgrade statements of a SQL revision as the database splits them (empty for Java revisions,
 *     and when neither a dialect nor a SQLite or PostgreSQL database is configured)
 * @param downgradeSql the downgrade statements of a SQL revision (empty for Java or irreversible revisions)
 * @param children the revisions that name it as down revision
 */
public record RevisionInfo(String id, List<String> downRevisions, List<String> dependsOn, List<String> branchLabels,
		String message, String created, boolean transactional, boolean reversible, String checksum, String location,
		boolean head, boolean branchPoint, boolean mergePoint, List<String> upgradeSql, List<String> downgradeSql,
		List<String> children) {

	public RevisionInfo {
		downRevisions = List.copyOf(downRevisions);
		dependsOn = List.copyOf(dependsOn);
		branchLabels = List.copyOf(branchLabels);
		upgradeSql = List.copyOf(upgradeSql);
		downgradeSql = List.copyOf(downgradeSql);
		children = List.copyOf(children);
	}

}
