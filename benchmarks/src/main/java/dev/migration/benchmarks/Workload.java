package dev.migration.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The same N revisions for every tool. Revision i creates table {@code t_i} with five
 * columns and an index; every 10th also adds a column to {@code t_(i-1)}. Written as our
 * SQL revision files ({@code ours/}), Flyway {@code V{i}__} files ({@code flyway/}), one
 * Liquibase formatted-SQL changelog ({@code liquibase/changelog.sql}) and one plain
 * statement file per revision for the raw-JDBC baseline ({@code raw/}).
 */
public final class Workload {

	public static final String OURS = "ours";

	public static final String FLYWAY = "flyway";

	public static final String LIQUIBASE = "liquibase";

	public static final String LIQUIBASE_CHANGELOG = "changelog.sql";

	public static final String RAW = "raw";

	private Workload() {
	}

	/** The statements of revision {@code i} (1-based), without terminating semicolons. */
	public static List<String> statements(int i) {
		List<String> statements = new ArrayList<>();
		statements.add("CREATE TABLE t_" + i + " (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, "
				+ "amount INTEGER, created_at TIMESTAMP, note VARCHAR(200))");
		statements.add("CREATE INDEX ix_t_" + i + "_name ON t_" + i + " (name)");
		if (i % 10 == 0 && i > 1) {
			statements.add("ALTER TABLE t_" + (i - 1) + " ADD COLUMN extra_" + i + " VARCHAR(50)");
		}
		return statements;
	}

	/**
	 * Our revision id for revision {@code i}: any {@code [A-Za-z0-9_]{1,32}} is allowed;
	 * this one sorts.
	 */
	public static String revisionId(int i) {
		return String.format("r%07d", i);
	}

	/**
	 * Writes the workload of {@code count} revisions below {@code directory}; returns
	 * {@code directory}.
	 */
	public static Path write(Path directory, int count) {
		try {
			Path ours = Files.createDirectories(directory.resolve(OURS));
			Path flyway = Files.createDirectories(directory.resolve(FLYWAY));
			Path liquibase = Files.createDirectories(directory.resolve(LIQUIBASE));
			Path raw = Files.createDirectories(directory.resolve(RAW));
			StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n\n");
			for (int i = 1; i <= count; i++) {
				List<String> statements = statements(i);
				String body = String.join(";\n", statements) + ";\n";
				String id = revisionId(i);
				String down = (i == 1) ? "none" : revisionId(i - 1);
				Files.writeString(ours.resolve(id + "_create_t_" + i + ".sql"),
						"-- revision: " + id + "\n" + "-- down_revision: " + down + "\n-- message: Create t_" + i
								+ "\n\n-- upgrade\n" + body + "\n-- downgrade\n" + downgrade(i) + "\n");
				Files.writeString(flyway.resolve("V" + i + "__create_t_" + i + ".sql"), body);
				changelog.append("--changeset bench:").append(i).append('\n').append(body).append('\n');
				Files.writeString(raw.resolve(String.format("%07d.sql", i)), body);
			}
			Files.writeString(liquibase.resolve(LIQUIBASE_CHANGELOG), changelog);
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String downgrade(int i) {
		String drop = "DROP TABLE t_" + i + ";";
		// the column added to t_(i-1) goes with the table on PostgreSQL; SQLite cannot
		// drop a column cheaply
		return drop;
	}

}
