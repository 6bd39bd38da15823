package dev.migration.internal.revision;

import java.util.List;

/**
 * The statements of one section of a SQL revision file, in order.
 */
public record SqlBody(List<SqlStatement> statements) implements RevisionBody {

	public static final SqlBody EMPTY = new SqlBody(List.of());

	public SqlBody {
		statements = List.copyOf(statements);
	}

}
