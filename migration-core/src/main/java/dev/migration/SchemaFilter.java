package dev.migration;

import java.util.List;

/**
 * Which tables {@link Migrations#check} and {@link Migrations#autogenerate} compare:
 * those matching an include pattern (every table when there is none) and no exclude
 * pattern. Patterns are globs ({@code *}, {@code ?}) compared without case. The engine's
 * own version and history tables never take part; nor do schemas other than the
 * connection's current one (PostgreSQL) or {@code main} (SQLite).
 *
 * <p>
 * The default excludes {@code spatial_ref_sys}, which PostGIS puts in {@code public}: a
 * target schema without it must not make autogenerate drop an extension's table.
 *
 * @param includeTables the tables to compare, empty for all
 * @param excludeTables the tables never compared
 */
public record SchemaFilter(List<String> includeTables, List<String> excludeTables) {

	/** Tables that extensions create in the application's schema. */
	public static final List<String> DEFAULT_EXCLUDES = List.of("spatial_ref_sys");

	public SchemaFilter {
		includeTables = List.copyOf(includeTables);
		excludeTables = List.copyOf(excludeTables);
	}

	/** Every table except {@link #DEFAULT_EXCLUDES}. */
	public static SchemaFilter defaults() {
		return new SchemaFilter(List.of(), DEFAULT_EXCLUDES);
	}

	/** This filter with more tables excluded. */
	public SchemaFilter excluding(List<String> patterns) {
		List<String> all = new java.util.ArrayList<>(this.excludeTables);
		all.addAll(patterns);
		return new SchemaFilter(this.includeTables, all);
	}

	/** This filter comparing only the tables that match the patterns. */
	public SchemaFilter including(List<String> patterns) {
		List<String> all = new java.util.ArrayList<>(this.includeTables);
		all.addAll(patterns);
		return new SchemaFilter(all, this.excludeTables);
	}

}
