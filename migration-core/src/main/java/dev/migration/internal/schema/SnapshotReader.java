package dev.migration.internal.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.migration.SchemaSnapshot;
import dev.migration.SchemaSnapshot.Element;
import dev.migration.internal.dialect.Dialect;
import dev.migration.internal.schema.SchemaModel.Check;
import dev.migration.internal.schema.SchemaModel.Col;
import dev.migration.internal.schema.SchemaModel.ForeignKey;
import dev.migration.internal.schema.SchemaModel.Idx;
import dev.migration.internal.schema.SchemaModel.Obj;
import dev.migration.internal.schema.SchemaModel.Schema;
import dev.migration.internal.schema.SchemaModel.Table;
import dev.migration.internal.schema.SchemaModel.Unique;

/**
 * The reflection that autogenerate and check use, flattened into a public
 * {@link SchemaSnapshot}: the same normalized types, defaults and definitions, so two
 * snapshots of equal schemas are equal.
 */
public final class SnapshotReader {

	private SnapshotReader() {
	}

	/**
	 * The connection's current schema (PostgreSQL) or {@code main} (SQLite), its tables
	 * filtered.
	 */
	public static SchemaSnapshot read(Connection connection, Dialect dialect, Predicate<String> included)
			throws SQLException {
		return of(SchemaCompare.reflect(connection, dialect, included));
	}

	static SchemaSnapshot of(Schema schema) {
		List<Element> elements = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (Table table : schema.tables().values()) {
			String name = table.name();
			add(elements, seen, new Element("table", null, name, ""));
			for (Col column : table.columns()) {
				add(elements, seen, new Element("column", name, column.name(), describe(column)));
			}
			if (table.primaryKey() != null) {
				add(elements, seen, new Element("primary key", name, "",
						"(" + String.join(", ", table.primaryKey().columns()) + ")"));
			}
			for (Unique unique : table.uniques()) {
				add(elements, seen,
						new Element("unique constraint", name, "(" + String.join(", ", unique.columns()) + ")", ""));
			}
			for (ForeignKey key : table.foreignKeys()) {
				add(elements, seen, new Element("foreign key", name, key.describe(), ""));
			}
			for (Check check : table.checks()) {
				add(elements, seen,
						new Element("check constraint", name, "(" + Normalize.sql(check.expression()) + ")", ""));
			}
			for (Idx index : table.indexes()) {
				add(elements, seen, new Element("index", name, index.name(), index.definition()));
			}
		}
		for (Obj object : schema.objects()) {
			add(elements, seen, new Element(object.kind(), object.table(), object.name(), object.definition()));
		}
		return new SchemaSnapshot(elements);
	}

	/**
	 * A second element with the same key (two equal unique constraints) is numbered, so
	 * none hides another.
	 */
	private static void add(List<Element> elements, Map<String, Integer> seen, Element element) {
		int count = seen.merge(element.key(), 1, Integer::sum);
		elements.add((count == 1) ? element
				: new Element(element.kind(), element.table(), element.name() + " #" + count, element.definition()));
	}

	private static String describe(Col column) {
		StringBuilder text = new StringBuilder(column.type());
		if (!column.nullable()) {
			text.append(" NOT NULL");
		}
		if (column.defaultValue() != null) {
			text.append(" DEFAULT ").append(column.defaultValue());
		}
		if (column.identity() != null) {
			text.append(" GENERATED ").append(column.identity()).append(" AS IDENTITY");
		}
		else if (column.autoIncrement()) {
			text.append(" (sequence)");
		}
		return text.toString();
	}

}
