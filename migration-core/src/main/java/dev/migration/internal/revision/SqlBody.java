package dev.migration.internal.revision;

import java.util.List;
import java.util.function.Supplier;

/**
 * The statements of one section of a SQL revision file, in order.
 * <p>
 * A section read from a file is split into statements on first use: the up-to-date check, status and a service's
 * start read every file but run none of them, and splitting is most of what parsing would cost them.
 */
public final class SqlBody implements RevisionBody {

	public static final SqlBody EMPTY = new SqlBody(List.of());

	private final Supplier<List<SqlStatement>> splitter;

	private volatile List<SqlStatement> statements;

	public SqlBody(List<SqlStatement> statements) {
		this.splitter = null;
		this.statements = List.copyOf(statements);
	}

	private SqlBody(Supplier<List<SqlStatement>> splitter) {
		this.splitter = splitter;
	}

	/**
	 * A body whose statements are split when first asked for. Splitting never fails, so nothing that parsing would
	 * report is put off.
	 * @param splitter splits the section's text
	 * @return the body
	 */
	public static SqlBody deferred(Supplier<List<SqlStatement>> splitter) {
		return new SqlBody(splitter);
	}

	public List<SqlStatement> statements() {
		List<SqlStatement> result = this.statements;
		if (result == null) {
			// splitting twice in a race gives equal lists: no lock needed
			result = List.copyOf(this.splitter.get());
			this.statements = result;
		}
		return result;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof SqlBody body && statements().equals(body.statements()));
	}

	@Override
	public int hashCode() {
		return statements().hashCode();
	}

	@Override
	public String toString() {
		return "SqlBody" + statements();
	}

}
