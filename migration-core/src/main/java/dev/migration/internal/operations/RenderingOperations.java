package dev.migration.internal.operations;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.migration.internal.dialect.Dialect;

/**
 * Renders a Java revision's operations as SQL without a database, for offline scripts and
 * dry runs.
 */
public final class RenderingOperations extends AbstractOperations {

	private final Dialect dialect;

	private final SqlRenderer renderer;

	private final List<String> statements = new ArrayList<>();

	private final List<String> copiedTables = new ArrayList<>();

	public RenderingOperations(Dialect dialect) {
		this.dialect = dialect;
		this.renderer = dialect.renderer();
	}

	@Override
	protected void apply(Operation operation) {
		if (this.renderer.needsCopy(operation) && !(operation instanceof Operation.DropColumn)) {
			// rendered as a comment: the copy needs the live table (a DROP COLUMN is
			// SQLite's own statement)
			this.copiedTables.add(SqliteTableCopy.tableOf(operation));
		}
		this.statements.addAll(this.renderer.render(operation));
	}

	@Override
	public Connection connection() {
		throw new NeedsDatabaseException("connection()");
	}

	@Override
	public String dialect() {
		return this.dialect.name();
	}

	/**
	 * The tables that a move-and-copy rebuilds at run time, each shown only as a comment
	 * among the statements.
	 */
	public List<String> copiedTables() {
		return Collections.unmodifiableList(this.copiedTables);
	}

	/** The statements so far, without semicolons; comments start with {@code --}. */
	public List<String> statements() {
		return Collections.unmodifiableList(this.statements);
	}

}
