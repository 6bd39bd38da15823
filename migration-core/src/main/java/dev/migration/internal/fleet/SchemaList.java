package dev.migration.internal.fleet;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.migration.MigrationException;

/**
 * Resolves a schema list against the schemas a PostgreSQL database has: an entry with
 * {@code %} is a {@code LIKE} pattern (so {@code _} matches any one character there,
 * {@code \_} a literal one); any other entry is a name that must exist. The result is in
 * name order, each schema once; system schemas never match a pattern.
 */
public final class SchemaList {

	private static final String MATCHING = "SELECT nspname FROM pg_namespace WHERE nspname LIKE ? "
			+ "AND nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'";

	private SchemaList() {
	}

	/** The entries of a comma-separated list, trimmed, empty ones dropped. */
	public static List<String> entries(String list) {
		List<String> entries = new ArrayList<>();
		for (String entry : list.split(",")) {
			if (!entry.isBlank()) {
				entries.add(entry.strip());
			}
		}
		return entries;
	}

	/**
	 * @param database where the schemas are; names the database in errors
	 * @throws MigrationException when a named schema does not exist
	 */
	public static List<String> resolve(Connection connection, List<String> entries, String database)
			throws SQLException {
		TreeSet<String> schemas = new TreeSet<>();
		List<String> missing = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(MATCHING)) {
			for (String entry : entries) {
				boolean pattern = entry.contains("%");
				// a plain name is matched literally: tenant_1 must not also match
				// tenantX1
				statement.setString(1, pattern ? entry : entry.replace("\\", "\\\\").replace("_", "\\_"));
				int found = 0;
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						schemas.add(rows.getString(1));
						found++;
					}
				}
				if (!pattern && found == 0) {
					missing.add(entry);
				}
			}
		}
		if (!missing.isEmpty()) {
			throw new MigrationException("Schema(s) " + String.join(", ", missing) + " do not exist in " + database
					+ ". Nothing was run. Create them first, or fix the list (an entry with % is a LIKE pattern).");
		}
		return new ArrayList<>(schemas);
	}

}
