package dev.migration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The schema of the database at one moment, as {@link Migrations#snapshot()} reflected
 * it: its tables, columns, keys, constraints, indexes and other objects (views,
 * sequences, types, functions, triggers, extensions), each one {@link Element}. The
 * engine's own version and history tables are not part of it. Two snapshots compare
 * element by element, which is what a test kit needs to tell whether a downgrade undid
 * its upgrade.
 *
 * @param elements every element, in a stable order (tables by name, each followed by what
 * belongs to it, then the other objects in creation order)
 */
public record SchemaSnapshot(List<Element> elements) {

	public SchemaSnapshot {
		elements = List.copyOf(elements);
	}

	/**
	 * One part of a schema.
	 *
	 * @param kind {@code table}, {@code column}, {@code primary key},
	 * {@code unique constraint}, {@code foreign key}, {@code check constraint},
	 * {@code index}, or an object's kind ({@code view}, {@code sequence}, {@code type},
	 * {@code function}, {@code trigger}, {@code extension}, ...)
	 * @param table the table it belongs to; {@code null} for a table and for objects of
	 * their own
	 * @param name the table, column, index or object name; for unique, foreign key and
	 * check constraints what they constrain, as their names differ between databases and
	 * hands: {@code (email)}, {@code (team_id) -> teams (id)}
	 * @param definition what is compared: a column's type, nullability and default, an
	 * index's or object's definition; empty where the name says it all
	 */
	public record Element(String kind, String table, String name, String definition) {

		public Element {
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(name, "name");
			definition = (definition != null) ? definition : "";
		}

		/**
		 * What identifies it across snapshots, e.g. {@code column users.email},
		 * {@code index ix_a on users}.
		 */
		public String key() {
			if (this.kind.equals("column")) {
				return "column " + this.table + "." + this.name;
			}
			if (this.kind.equals("primary key")) {
				return "primary key of " + this.table;
			}
			if (this.kind.equals("unique constraint") || this.kind.equals("foreign key")
					|| this.kind.equals("check constraint")) {
				return this.kind + " on " + this.table + " " + this.name;
			}
			return this.kind + " " + this.name + ((this.table != null) ? " on " + this.table : "");
		}

		/**
		 * The key and, when there is one, the definition:
		 * {@code column users.email varchar(255) NOT NULL}.
		 */
		public String describe() {
			return this.definition.isEmpty() ? key() : key() + " " + this.definition;
		}

	}

	/** Whether the schema holds nothing at all (besides the engine's own tables). */
	public boolean isEmpty() {
		return this.elements.isEmpty();
	}

	/** The tables, by name. */
	public List<String> tables() {
		List<String> tables = new ArrayList<>();
		for (Element element : this.elements) {
			if (element.kind().equals("table")) {
				tables.add(element.name());
			}
		}
		return tables;
	}

	/**
	 * What {@code later} has that this snapshot lacks, what it lacks that this one has,
	 * and what differs, one line each: {@code extra index ix_users_email on users},
	 * {@code missing column users.nickname varchar(40)},
	 * {@code changed column users.name: varchar(50) -> text}. The columns, keys and
	 * indexes of a table that is extra or missing as a whole are not listed again. Empty
	 * when both are equal.
	 */
	public List<String> differencesTo(SchemaSnapshot later) {
		Map<String, Element> before = byKey(this.elements);
		Map<String, Element> after = byKey(later.elements);
		Set<String> extraTables = new HashSet<>(later.tables());
		extraTables.removeAll(tables());
		Set<String> missingTables = new HashSet<>(tables());
		missingTables.removeAll(later.tables());
		List<String> lines = new ArrayList<>();
		for (Element element : later.elements) {
			Element old = before.get(element.key());
			if (old == null) {
				if (!extraTables.contains(element.table())) {
					lines.add("extra " + element.describe());
				}
			}
			else if (!old.definition().equals(element.definition())) {
				lines.add("changed " + element.key() + ": " + orNone(old.definition()) + " -> "
						+ orNone(element.definition()));
			}
		}
		for (Element element : this.elements) {
			if (!after.containsKey(element.key()) && !missingTables.contains(element.table())) {
				lines.add("missing " + element.describe());
			}
		}
		return lines;
	}

	/**
	 * The elements of {@code later} that this snapshot lacks, without the parts of extra
	 * tables: what an operation between the two left behind, e.g. {@code table audit},
	 * {@code index ix_users_email on users}.
	 */
	public List<Element> addedIn(SchemaSnapshot later) {
		Map<String, Element> before = byKey(this.elements);
		Set<String> extraTables = new HashSet<>(later.tables());
		extraTables.removeAll(tables());
		List<Element> added = new ArrayList<>();
		for (Element element : later.elements) {
			if (!before.containsKey(element.key()) && !extraTables.contains(element.table())) {
				added.add(element);
			}
		}
		return added;
	}

	private static Map<String, Element> byKey(List<Element> elements) {
		Map<String, Element> map = new LinkedHashMap<>();
		for (Element element : elements) {
			map.put(element.key(), element);
		}
		return map;
	}

	private static String orNone(String definition) {
		return definition.isEmpty() ? "(none)" : definition;
	}

}
