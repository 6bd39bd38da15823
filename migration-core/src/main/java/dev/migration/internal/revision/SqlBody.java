package dev.migration.internal.revision;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.migration.internal.source.SqlSyntax;
import dev.migration.internal.source.StatementSplitter;

/**
 * The statements of one section of a SQL revision file, in order.
 * <p>
 * A section read from a file keeps its text and is split when first asked for, the way
 * the database that runs it reads SQL: files are read before the database is known, and
 * the up-to-date check, status and a service's start read every file but run none of
 * them, so splitting is most of what parsing would cost them. The executor splits every
 * body of a plan before the plan's first step, so a malformed pending revision stops it
 * before anything runs.
 * <p>
 * A section that the build's revision index described is not even read until then: its
 * body asks its file for the section when first split.
 */
public final class SqlBody implements RevisionBody {

	public static final SqlBody EMPTY = new SqlBody(List.of());

	private final String location;

	private final String sql;

	private final int firstLine;

	/** The section as read from its file when first split, for an indexed revision. */
	private final Supplier<SqlBody> section;

	private volatile List<SqlStatement> postgresql;

	private volatile List<SqlStatement> sqlite;

	/** Per PostgreSQL statement, whether it returns no rows: see {@link #rowless}. */
	private volatile boolean[] postgresqlRowless;

	/** Statements split already, the same for every database. */
	public SqlBody(List<SqlStatement> statements) {
		this.location = null;
		this.sql = null;
		this.firstLine = 0;
		this.section = null;
		this.postgresql = List.copyOf(statements);
		this.sqlite = this.postgresql;
	}

	private SqlBody(String location, String sql, int firstLine, Supplier<SqlBody> section) {
		this.location = location;
		this.sql = sql;
		this.firstLine = firstLine;
		this.section = section;
	}

	/**
	 * A section's text, split when first asked for.
	 * @param location the file, for errors
	 * @param sql the section's text
	 * @param firstLine the line of the text's first character in the file
	 * @return the body
	 */
	public static SqlBody of(String location, String sql, int firstLine) {
		return new SqlBody(location, sql, firstLine, null);
	}

	/**
	 * A section of a file that is read when first split.
	 * @param location the file, for messages
	 * @param section reads the file and gives the section's body
	 * @return the body
	 */
	public static SqlBody read(String location, Supplier<SqlBody> section) {
		return new SqlBody(location, null, 0, section);
	}

	/**
	 * The statements as the database reads them.
	 * @param syntax the syntax of the database that runs them
	 * @return the statements
	 * @throws dev.migration.RevisionParseException when the text leaves a comment, quote
	 * or body open
	 */
	public List<SqlStatement> statements(SqlSyntax syntax) {
		List<SqlStatement> result = (syntax == SqlSyntax.POSTGRESQL) ? this.postgresql : this.sqlite;
		if (result == null) {
			// splitting twice in a race gives equal lists: no lock needed
			result = (this.section != null) ? this.section.get().statements(syntax)
					: List.copyOf(StatementSplitter.statements(syntax, this.location, this.sql, this.firstLine));
			if (syntax == SqlSyntax.POSTGRESQL) {
				this.postgresql = result;
			}
			else {
				this.sqlite = result;
			}
		}
		return result;
	}

	/**
	 * Per statement as PostgreSQL reads them, whether it surely returns no rows (so may
	 * go in a batch), worked out once per body: a fleet runs the same body once per
	 * schema. Not to be changed by the caller.
	 * @param returnsNoRows the test of one statement's text
	 * @return one entry per statement of {@code statements(SqlSyntax.POSTGRESQL)}
	 */
	public boolean[] rowless(Predicate<String> returnsNoRows) {
		boolean[] result = this.postgresqlRowless;
		if (result == null) {
			List<SqlStatement> statements = statements(SqlSyntax.POSTGRESQL);
			result = new boolean[statements.size()];
			for (int index = 0; index < result.length; index++) {
				result[index] = returnsNoRows.test(statements.get(index).sql());
			}
			this.postgresqlRowless = result;
		}
		return result;
	}

	/** Equal when both databases read the same statements from both. */
	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof SqlBody body
				&& statements(SqlSyntax.POSTGRESQL).equals(body.statements(SqlSyntax.POSTGRESQL))
				&& statements(SqlSyntax.SQLITE).equals(body.statements(SqlSyntax.SQLITE)));
	}

	@Override
	public int hashCode() {
		return statements(SqlSyntax.POSTGRESQL).hashCode();
	}

	@Override
	public String toString() {
		return "SqlBody" + ((this.location != null) ? "[" + this.location + ":" + this.firstLine + "]"
				: this.postgresql.toString());
	}

}
