package dev.migration.internal.execute;

import java.time.Instant;
import java.util.List;

import dev.migration.Direction;
import dev.migration.MigrationException;
import dev.migration.Plan;
import dev.migration.Step;
import dev.migration.internal.dialect.Dialect;
import dev.migration.internal.execute.VersionStore.HistoryRecord;
import dev.migration.internal.graph.Ids;
import dev.migration.internal.graph.RevisionGraph;
import dev.migration.internal.operations.RenderingOperations;
import dev.migration.internal.revision.JavaBody;
import dev.migration.internal.revision.Revision;
import dev.migration.internal.revision.RevisionBody;
import dev.migration.internal.revision.SqlBody;
import dev.migration.internal.revision.SqlStatement;

/**
 * Renders a plan as a SQL script a DBA can run with {@code psql} or {@code sqlite3} as it
 * is: the client settings, the two tables, then per step {@code BEGIN;}, its statements,
 * its version and history rows, {@code COMMIT;}. The statements of a
 * {@code transactional: false} step come before its {@code BEGIN;}. Statement text goes
 * through {@link ScriptText}, so that the client reads each statement as the online
 * command sends it.
 */
public final class ScriptWriter {

	private final RevisionGraph graph;

	private final Dialect dialect;

	private final VersionStore store;

	/**
	 * @param store the tables the script's bookkeeping writes, on the script's database
	 */
	public ScriptWriter(RevisionGraph graph, VersionStore store) {
		this.graph = graph;
		this.dialect = store.dialect();
		this.store = store;
	}

	/**
	 * The script of the plan.
	 * @param appliedBy written to the history rows
	 * @param runnableOnly refuse a step whose SQL cannot be printed without a database
	 * instead of writing a comment in its place: a script that runs such a step's
	 * bookkeeping without its SQL leaves the database unlike an online run
	 * @throws MigrationException when {@code runnableOnly} and a step cannot be printed,
	 * naming the revision
	 */
	public String write(Plan plan, String appliedBy, boolean runnableOnly) {
		StringBuilder script = new StringBuilder();
		script.append("-- ")
			.append(plan.direction().word())
			.append(' ')
			.append(ScriptText.commentText(String.join(" ", plan.targets())))
			.append(" from ")
			.append(Ids.list(plan.fromRows()))
			.append(" (")
			.append(this.dialect.name())
			.append(")\n");
		appendClientSettings(script);
		for (String ddl : this.store.createTablesSql()) {
			script.append(ddl).append(";\n");
		}
		Instant now = Instant.now();
		for (Step step : plan.steps()) {
			Revision revision = (step.direction() != Direction.STAMP) ? this.graph.get(step.revision()) : null;
			RevisionBody body = (revision == null) ? null
					: (step.direction() == Direction.UPGRADE) ? revision.upgrade() : revision.downgrade();
			boolean transactional = revision == null || revision.transactional();
			script.append("\n-- Running ")
				.append(step.direction() == Direction.STAMP ? "stamp_revision" : step.direction().word())
				.append(' ')
				.append(String.join(", ", step.from()))
				.append(" -> ")
				.append(String.join(", ", step.to()));
			if (!step.message().isEmpty()) {
				script.append(", ").append(ScriptText.commentText(step.message()));
			}
			script.append('\n');
			if (!transactional) {
				appendBody(script, revision, body, runnableOnly);
			}
			script.append("BEGIN;\n");
			if (transactional) {
				appendBody(script, revision, body, runnableOnly);
			}
			for (String sql : this.store.applySql(step.versionChange())) {
				script.append(sql).append(";\n");
			}
			List<String> down = (revision != null) ? revision.downRevisions() : step.from();
			script
				.append(this.store.scriptRecordSql(new HistoryRecord(step.revision(), step.direction(), down,
						step.message(), (revision != null) ? revision.checksum() : null, now, appliedBy, 0, true)))
				.append(";\n");
			script.append("COMMIT;\n");
		}
		return script.toString();
	}

	/**
	 * What the client needs to run the script as the online command runs it. Without it
	 * psql and the sqlite3 shell go on after an error (with the rest of a
	 * {@code transactional: false} step and its bookkeeping, and with later steps); psql
	 * with {@code AUTOCOMMIT} off (a psqlrc) wraps statements outside BEGIN/COMMIT in a
	 * transaction, and reads the script in the terminal's encoding, while the script is
	 * UTF-8 as JDBC sends it.
	 */
	private void appendClientSettings(StringBuilder script) {
		script.append(this.dialect.scriptPreamble());
	}

	private void appendBody(StringBuilder script, Revision revision, RevisionBody body, boolean runnableOnly) {
		if (body instanceof SqlBody sql) {
			for (SqlStatement statement : sql.statements(this.dialect.syntax())) {
				if (runnableOnly) {
					refuseClientCommand(revision, statement.sql(), statement.line());
				}
				script.append(ScriptText.terminated(statement.sql(), this.dialect.syntax())).append('\n');
			}
		}
		else if (body instanceof JavaBody java) {
			RenderingOperations operations = new RenderingOperations(this.dialect);
			try {
				java.run(operations);
			}
			catch (Exception ex) {
				// the revision needs its connection (or fails without one): only running
				// it shows its SQL
				if (runnableOnly) {
					throw unprintable(revision, java, "its code needs a database to run (" + ex.getMessage() + ")");
				}
				script.append("-- Java revision ")
					.append(ScriptText.commentText(revision.location()))
					.append(" runs code; its SQL cannot be shown offline\n");
				return;
			}
			if (runnableOnly && !operations.copiedTables().isEmpty()) {
				throw unprintable(revision, java,
						"on SQLite it moves and copies table " + String.join(", ", operations.copiedTables())
								+ ", which needs the table as the database holds it");
			}
			for (String statement : operations.statements()) {
				if (runnableOnly) {
					refuseClientCommand(revision, statement, 0);
				}
				script.append(statement.startsWith("--") ? ScriptText.commentText(statement)
						: ScriptText.terminated(statement, this.dialect.syntax()))
					.append('\n');
			}
		}
	}

	private void refuseClientCommand(Revision revision, String statement, int line) {
		String found = ScriptText.clientCommand(statement, this.dialect.syntax());
		if (found != null) {
			throw new MigrationException("Cannot print revision " + revision.id() + " (" + revision.location()
					+ ((line > 0) ? ", statement at line " + line : "") + ") as a script: it holds " + found
					+ ". The database refuses the statement, but the client would run that command instead, so no "
					+ "script was printed. Remove it from the revision.");
		}
	}

	private static MigrationException unprintable(Revision revision, JavaBody java, String reason) {
		return new MigrationException("Cannot print the " + (java.upgrade() ? "upgrade" : "downgrade") + " of revision "
				+ revision.id() + " (" + revision.location() + ") as SQL: " + reason
				+ ". A script without it would record the revision as applied without running it, so none was printed. "
				+ "Run the command against the database instead of --sql, or print a range that leaves it out.");
	}

}
