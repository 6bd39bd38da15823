package dev.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

import dev.migration.SchemaSnapshot.Element;
import dev.migration.support.DatabaseKind;
import dev.migration.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Migrations#snapshot()} against a real database: what the test kit compares
 * before and after a downgrade. Each subclass names the database.
 */
abstract class SchemaSnapshotTests implements DatabaseKind {

	@TempDir
	Path temporary;

	TestDatabase database;

	Migrations migrations;

	/** The statements that give {@code t.x} another type on this database. */
	abstract String[] changeTypeOfX();

	@BeforeEach
	void setUp() throws IOException {
		this.database = newDatabase(this.temporary);
		Path revisions = Files.createDirectories(this.temporary.resolve("revisions"));
		try (Stream<Path> seed = Files.list(Paths.get("src/test/resources/db/seed"))) {
			for (Path file : seed.toList()) {
				Files.copy(file, revisions.resolve(file.getFileName()));
			}
		}
		this.migrations = Migrations.create(MigrationConfiguration.builder()
			.url(this.database.url())
			.user(this.database.user())
			.password(this.database.password())
			.locations("filesystem:" + revisions)
			.build());
	}

	@Test
	void snapshotAtHeadsHoldsTheRevisionsTablesColumnsAndIndexes() {
		this.migrations.upgrade("heads");

		SchemaSnapshot snapshot = this.migrations.snapshot();

		assertThat(snapshot.tables()).containsExactlyInAnyOrder("posts", "team_members", "teams", "users");
		assertThat(snapshot.elements()).extracting(Element::key)
			.contains("column users.email", "index ix_users_email on users", "primary key of team_members",
					"foreign key on posts (user_id) -> users (id) ON DELETE CASCADE");
	}

	@Test
	void snapshotAtBaseLeavesOutTheVersionAndHistoryTables() {
		this.migrations.upgrade("heads");
		this.migrations.downgrade("base");

		SchemaSnapshot snapshot = this.migrations.snapshot();

		assertThat(snapshot.elements()).isEmpty();
	}

	@Test
	void differencesNameTheColumnAndBothTypes() {
		this.database.execute("CREATE TABLE t (x VARCHAR(50))");
		SchemaSnapshot before = this.migrations.snapshot();
		for (String statement : changeTypeOfX()) {
			this.database.execute(statement);
		}

		SchemaSnapshot after = this.migrations.snapshot();

		assertThat(before.differencesTo(after)).singleElement()
			.asString()
			.startsWith("changed column t.x: ")
			.contains("50")
			.endsWith("-> text");
		assertThat(after.differencesTo(after)).isEmpty();
	}

	@Test
	void anIndexLeftBehindIsExtraAndNotItsTableAgain() {
		this.database.execute("CREATE TABLE t (x VARCHAR(50))");
		SchemaSnapshot before = this.migrations.snapshot();
		this.database.execute("CREATE INDEX ix_t_x ON t (x)");
		this.database.execute("CREATE TABLE u (y INTEGER)");

		SchemaSnapshot after = this.migrations.snapshot();

		assertThat(before.addedIn(after)).extracting(Element::key)
			.containsExactlyInAnyOrder("index ix_t_x on t", "table u");
		assertThat(before.differencesTo(after)).hasSize(2)
			.anySatisfy((line) -> assertThat(line).startsWith("extra index ix_t_x on t"))
			.contains("extra table u");
		assertThat(after.differencesTo(before)).contains("missing table u");
	}

}
