package dev.migration.cli;

import java.nio.file.Path;

import dev.migration.cli.Cli.Result;
import dev.migration.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.migration.cli.Cli.POSTS;
import static dev.migration.cli.Cli.TEAMS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands against a database over the seed revisions, as every database answers
 * them; each subclass names its database and adds what only it does.
 *
 * @param <D> the database
 */
abstract class DatabaseCommandsTest<D extends TestDatabase> {

	@TempDir
	Path directory;

	D database;

	Cli cli;

	/** A new, empty database. */
	abstract D createDatabase();

	@BeforeEach
	void setUp() {
		this.database = createDatabase();
		this.cli = Cli.withSeed(this.directory)
			.database(this.database.url(), this.database.user(), this.database.password());
	}

	@Test
	void aFailingRevisionLeavesTheDatabaseAtTheRevisionBeforeIt() {
		this.cli.write("aaaaaaaaaaaa_broken.sql", Cli.revision("aaaaaaaaaaaa", POSTS, "Broken",
				"CREATE TABLE broken (id INTEGER);\nINSERT INTO nowhere VALUES (1);", "DROP TABLE broken;"));
		Result result = this.cli.run("upgrade", "heads");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.lines()).hasSize(5).last().isEqualTo("Running upgrade " + POSTS + " -> aaaaaaaaaaaa, Broken");
		assertThat(result.err()).startsWith("FAILED: ")
			.contains("aaaaaaaaaaaa_broken.sql")
			.contains("nowhere")
			.hasLineCount(1);
		assertThat(this.database.queryStrings("SELECT version_num FROM migration_version")).containsExactly(POSTS);
		assertThat(this.database.tables()).doesNotContain("broken");
	}

	@Test
	void anUnresolvableTargetFailsAndChangesNothing() {
		assertThat(this.cli.run("stamp", TEAMS).lines()).containsExactly("Running stamp_revision  -> " + TEAMS);
		for (String command : new String[] { "upgrade", "downgrade" }) {
			Result result = this.cli.run(command, "ffffff");
			assertThat(result.exitCode()).as(command).isEqualTo(1);
			assertThat(result.out()).as(command).isEmpty();
			assertThat(result.err()).as(command).startsWith("FAILED: ").contains("ffffff").hasLineCount(1);
		}
		assertThat(this.database.queryStrings("SELECT version_num FROM migration_version")).containsExactly(TEAMS);
		assertThat(this.database.tables()).isEmpty();
	}

}
