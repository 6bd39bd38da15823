package dev.migration;

import java.util.List;

/**
 * What {@link Migrations#check} and {@link Migrations#autogenerate} found between the
 * database and the target schema: one human-readable line per difference, and the SQL of
 * an upgrade that removes them and of the downgrade that restores the database as it is.
 *
 * @param differences e.g. {@code add column users.nickname varchar(40)},
 * {@code remove index ix_old on users}
 * @param upgradeSql the upgrade section: statements ending with {@code ;}, one per line
 * or more, and comments ({@code -- NOTE} where a rename may hide, {@code -- TODO} where a
 * person must decide); empty when equal
 * @param downgradeSql the downgrade section, the reverse of the upgrade; empty when equal
 * @param warnings one line per object that differs but that autogenerate cannot write (a
 * type, a sequence of its own, a materialized view, an aggregate): the upgrade holds a
 * {@code -- WARNING} comment for each, and the object is also one of the differences
 */
public record SchemaDiff(List<String> differences, String upgradeSql, String downgradeSql, List<String> warnings) {

	public SchemaDiff {
		differences = List.copyOf(differences);
		warnings = List.copyOf(warnings);
	}

	/** A difference with nothing that autogenerate could not write. */
	public SchemaDiff(List<String> differences, String upgradeSql, String downgradeSql) {
		this(differences, upgradeSql, downgradeSql, List.of());
	}

	/** Whether the database already matches the target schema. */
	public boolean isEmpty() {
		return this.differences.isEmpty();
	}

}
