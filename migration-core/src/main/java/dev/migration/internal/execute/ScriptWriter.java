package dev.migration.internal.execute;

import java.time.Instant;
import java.util.List;

import dev.migration.Direction;
import dev.migration.Plan;
import dev.migration.Step;
import dev.migration.internal.dialect.Dialect;
import dev.migration.internal.execute.VersionStore.HistoryRecord;
import dev.migration.internal.graph.RevisionGraph;
import dev.migration.internal.operations.RenderingOperations;
import dev.migration.internal.revision.JavaBody;
import dev.migration.internal.revision.Revision;
import dev.migration.internal.revision.RevisionBody;
import dev.migration.internal.revision.SqlBody;
import dev.migration.internal.revision.SqlStatement;
import dev.migration.internal.source.SqlSyntax;

/**
 * Renders a plan as a SQL script a DBA can run with {@code psql} or {@code sqlite3} as it is: the two tables, then
 * per step {@code BEGIN;}, its statements, its version and history rows, {@code COMMIT;}.
 */
public final class ScriptWriter {

	private final RevisionGraph graph;

	private final Dialect dialect;

	private final VersionStore store;

	private final String schema;

	private final String versionTable;

	private final String historyTable;

	public ScriptWriter(RevisionGraph graph, Dialect dialect, String schema, String versionTable,
			String historyTable) {
		this.graph = graph;
		this.dialect = dialect;
		this.store = new VersionStore(dialect, schema, versionTable, historyTable);
		this.schema = schema;
		this.versionTable = versionTable;
		this.historyTable = historyTable;
	}

	public String write(Plan plan, String appliedBy) {
		StringBuilder script = new StringBuilder();
		script.append("-- ").append(plan.direction().word()).append(' ').append(String.join(" ", plan.targets()))
			.append(" from ").append(plan.fromRows().isEmpty() ? "base" : String.join(", ", plan.fromRows()))
			.append(" (").append(this.dialect.name()).append(")\n\n");
		for (String ddl : this.dialect.createTables(this.schema, this.versionTable, this.historyTable)) {
			script.append(ddl).append(";\n");
		}
		Instant now = Instant.now();
		for (Step step : plan.steps()) {
			Revision revision = (step.direction() != Direction.STAMP) ? this.graph.get(step.revision()) : null;
			RevisionBody body = (revision == null) ? null
					: (step.direction() == Direction.UPGRADE) ? revision.upgrade() : revision.downgrade();
			boolean transactional = revision == null || revision.transactional();
			script.append("\n-- Running ").append(step.direction() == Direction.STAMP ? "stamp_revision" : step.direction().word())
				.append(' ').append(String.join(", ", step.from())).append(" -> ").append(String.join(", ", step.to()));
			if (!step.message().isEmpty()) {
				script.append(", ").append(step.message().replace('\n', ' '));
			}
			script.append('\n');
			if (!transactional) {
				appendBody(script, revision, body);
			}
			script.append("BEGIN;\n");
			if (transactional) {
				appendBody(script, revision, body);
			}
			for (String sql : this.store.applySql(step.versionChange())) {
				script.append(sql).append(";\n");
			}
			List<String> down = (revision != null) ? revision.downRevisions() : step.from();
			script.append(this.store.recordSql(new HistoryRecord(step.revision(), step.direction(), down,
					step.message(), (revision != null) ? revision.checksum() : null, now, appliedBy, 0, true)))
				.append(";\n");
			script.append("COMMIT;\n");
		}
		return script.toString();
	}

	private void appendBody(StringBuilder script, Revision revision, RevisionBody body) {
		if (body instanceof SqlBody sql) {
			for (SqlStatement statement : sql.statements(SqlSyntax.of(this.dialect.name()))) {
				script.append(statement.sql()).append(";\n");
			}
		}
		else if (body instanceof JavaBody java) {
			RenderingOperations operations = new RenderingOperations(this.dialect.name());
			try {
				if (java.upgrade()) {
					java.revision().upgrade(operations);
				}
				else {
					java.revision().downgrade(operations);
				}
			}
			catch (Exception ex) {
				// the revision needs its connection (or fails without one): only running it shows its SQL
				script.append("-- Java revision ").append(revision.location())
					.append(" runs code; its SQL cannot be shown offline\n");
				return;
			}
			for (String statement : operations.statements()) {
				script.append(statement).append(statement.startsWith("--") ? "\n" : ";\n");
			}
		}
	}

}
