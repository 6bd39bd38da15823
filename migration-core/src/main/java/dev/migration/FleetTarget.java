package dev.migration;

import java.util.Objects;

/**
 * One member of a fleet: a schema of the fleet's database, or a database of its own.
 *
 * @param name how output names it: the schema, or the URL without its password (the user
 * name may stay)
 * @param url the target's JDBC URL, or {@code null} for a schema of the fleet's database;
 * may hold a password, so it is never printed (see {@link #toString()})
 * @param schema the schema that holds the version and history tables and that
 * {@code search_path} is set to, or {@code null} for a database target
 */
public record FleetTarget(String name, String url, String schema) {

	public FleetTarget {
		Objects.requireNonNull(name, "name");
		if ((url == null) == (schema == null)) {
			throw new IllegalArgumentException("A fleet target is a schema or a URL, not both or neither: " + name);
		}
	}

	/** A schema of the fleet's database. */
	public static FleetTarget schema(String schema) {
		return new FleetTarget(schema, null, schema);
	}

	/** Whether this is a schema of the fleet's database (else a database of its own). */
	public boolean isSchema() {
		return this.schema != null;
	}

	/** The name only: the URL may hold a password. */
	@Override
	public String toString() {
		return this.name;
	}

}
