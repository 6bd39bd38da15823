package dev.migration.internal.schema;

import java.util.ArrayList;
import java.util.List;

import dev.migration.internal.operations.SqlRenderer;

/**
 * The statements that take a schema from a comparison's {@code from} to its {@code to},
 * in order, rendered for one database; each database's subclass decides the order.
 */
abstract class SchemaScript {

	protected final SqlRenderer renderer;

	protected final List<String> out = new ArrayList<>();

	SchemaScript(SqlRenderer renderer) {
		this.renderer = renderer;
	}

	final List<String> write(SchemaComparison comparison) {
		writeAll(comparison);
		return this.out;
	}

	abstract void writeAll(SchemaComparison comparison);

}
