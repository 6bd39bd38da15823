package dev.migration.support;

import java.nio.file.Path;

/**
 * A new SQLite file in a temporary directory.
 */
public record SqliteDatabase(Path file) implements TestDatabase {

	public static SqliteDatabase in(Path directory) {
		return new SqliteDatabase(directory.resolve("test.db"));
	}

	@Override
	public String url() {
		return "jdbc:sqlite:" + this.file;
	}

	@Override
	public String user() {
		return null;
	}

	@Override
	public String password() {
		return null;
	}

	@Override
	public String kind() {
		return "sqlite";
	}

}
