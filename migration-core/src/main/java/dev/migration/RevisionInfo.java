package dev.migration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one revision of the graph, for listing and display.
 *
 * @param id the revision id
 * @param downRevisions its down revisions (empty for a root, several for a merge point)
 * @param dependsOn revisions it depends on without descending from them
 * @param branchLabels labels declared on this revision
 * @param message its message
 * @param created when it was written, as written in its header (may be empty)
 * @param transactional whether its statements run in one transaction with its version
 * rows
 * @param reversible whether it has a downgrade
 * @param checksum SHA-256 hex of its normalized source ({@code null} for Java revisions)
 * @param location the file, resource or class it came from
 * @param head no revision names it as down revision or dependency
 * @param branchPoint more than one revision names it as down revision
 * @param mergePoint it has more than one down revision
 * @param upgradeSql the upgrade statements of a SQL revision as the database splits them
 * (empty for Java revisions, and when neither a dialect nor a SQLite or PostgreSQL
 * database is configured)
 * @param downgradeSql the downgrade statements of a SQL revision (empty for Java or
 * irreversible revisions)
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

	/**
	 * Alembic's one-line form ({@code Script.cmd_format}):
	 * {@code <down> -> <id> (head) (current) (branchpoint) (mergepoint) (labels), message};
	 * the flags switch the parts on.
	 */
	public String line(boolean current, boolean parents, boolean treeMarks, boolean withMessage) {
		StringBuilder line = new StringBuilder();
		if (parents) {
			line.append(down());
			if (!this.dependsOn.isEmpty()) {
				line.append(" (").append(String.join(", ", this.dependsOn)).append(")");
			}
			line.append(" -> ");
		}
		line.append(this.id).append(this.head ? " (head)" : "").append(current ? " (current)" : "");
		line.append((treeMarks && this.branchPoint) ? " (branchpoint)" : "");
		line.append((treeMarks && this.mergePoint) ? " (mergepoint)" : "");
		if (!this.branchLabels.isEmpty()) {
			line.append(" (").append(String.join(", ", this.branchLabels)).append(")");
		}
		return withMessage ? line.append(", ").append(this.message).toString() : line.toString();
	}

	/**
	 * Alembic's full form ({@code Script.log_entry}) of {@code show} and
	 * {@code --verbose}: key: value lines.
	 */
	public String entry(boolean current) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("Rev", line(current, false, true, false));
		fields.put(this.mergePoint ? "Merges" : "Parent", down());
		if (!this.dependsOn.isEmpty()) {
			fields.put("Also depends on", String.join(", ", this.dependsOn));
		}
		if (this.branchPoint) {
			fields.put("Branches into", String.join(", ", this.children));
		}
		if (!this.branchLabels.isEmpty()) {
			fields.put("Branch names", String.join(", ", this.branchLabels));
		}
		fields.put("Path", this.location);
		fields.put("Message", this.message);
		if (this.created != null && !this.created.isEmpty()) {
			fields.put("Created", this.created);
		}
		fields.put("Transactional", String.valueOf(this.transactional));
		fields.put("Reversible", String.valueOf(this.reversible));
		if (this.checksum != null) {
			fields.put("Checksum", this.checksum);
		}
		StringBuilder entry = new StringBuilder();
		fields.forEach((key, value) -> entry.append(key).append(": ").append(value).append('\n'));
		return entry.toString();
	}

	private String down() {
		return Migrations.describeIds(this.downRevisions);
	}

}
