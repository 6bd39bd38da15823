package dev.migration.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

import dev.migration.MigrationConfiguration;
import dev.migration.Migrations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture of the tests that run against a real database: a fresh database and a
 * revisions folder per test, the folder empty or holding the seed revisions. Each
 * concrete subclass names the database.
 */
public abstract class DatabaseTests implements DatabaseKind {

	/** The seed revisions: users, email verification, teams, posts. */
	public static final Path SEED = Paths.get("src/test/resources/db/seed");

	@TempDir
	protected Path temporary;

	protected TestDatabase database;

	protected Path revisions;

	private final boolean seeded;

	/**
	 * @param seeded whether the folder starts with the seed revisions
	 */
	protected DatabaseTests(boolean seeded) {
		this.seeded = seeded;
	}

	@BeforeEach
	protected final void createDatabaseAndRevisions() throws IOException {
		this.database = newDatabase(this.temporary);
		this.revisions = Files.createDirectories(this.temporary.resolve("revisions"));
		if (this.seeded) {
			try (Stream<Path> seed = Files.list(SEED)) {
				for (Path file : seed.toList()) {
					Files.copy(file, this.revisions.resolve(file.getFileName()));
				}
			}
		}
	}

	/**
	 * Writes {@code d1d1d1d1d1d1_two_tables.sql}, non-transactional, after the last seed
	 * revision.
	 */
	protected void writeTwoTables(String upgrade, String downgrade) throws IOException {
		Files.writeString(this.revisions.resolve("d1d1d1d1d1d1_two_tables.sql"), """
				-- revision: d1d1d1d1d1d1
				-- down_revision: 7d2e41c0b9aa
				-- message: Two tables
				-- transactional: false

				-- upgrade
				""" + upgrade + "\n-- downgrade\n" + downgrade);
	}

	/**
	 * The database and the folder set on the builder, for a test to add its settings to.
	 */
	protected MigrationConfiguration.Builder configuration(MigrationConfiguration.Builder builder) {
		return builder.url(this.database.url())
			.user(this.database.user())
			.password(this.database.password())
			.locations("filesystem:" + this.revisions);
	}

	protected Migrations migrations(MigrationConfiguration.Builder builder) {
		return Migrations.create(configuration(builder).build());
	}

	protected Migrations migrations() {
		return migrations(MigrationConfiguration.builder());
	}

}
