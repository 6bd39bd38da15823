package dev.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listing revisions shows their statements as the configured database splits them without
 * connecting to it: the commands that work from the folder alone must work while the
 * database is down.
 */
class RevisionListingTests {

	/** Nothing listens on port 1: a connection attempt fails at once. */
	private static final String UNREACHABLE_POSTGRESQL = "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1";

	@TempDir
	Path revisions;

	@BeforeEach
	void writeRevision() throws IOException {
		Files.writeString(this.revisions.resolve("a1_first.sql"), """
				-- revision: a1
				-- down_revision: none

				-- upgrade
				CREATE TABLE a (id INTEGER);
				INSERT INTO a VALUES (1);

				-- downgrade
				DROP TABLE a;
				""");
	}

	@Test
	void aPostgresqlUrlSplitsTheStatementsWithoutConnecting() {
		Migrations migrations = Migrations.create(MigrationConfiguration.builder()
			.locations("filesystem:" + this.revisions)
			.url(UNREACHABLE_POSTGRESQL)
			.build());

		RevisionInfo revision = migrations.revision("a1");

		assertThat(revision.upgradeSql()).containsExactly("CREATE TABLE a (id INTEGER)", "INSERT INTO a VALUES (1)");
		assertThat(revision.downgradeSql()).containsExactly("DROP TABLE a");
		assertThat(migrations.revisions()).singleElement()
			.satisfies((listed) -> assertThat(listed.upgradeSql()).hasSize(2));
		assertThat(migrations.revisions(null, null, List.of())).singleElement()
			.satisfies((listed) -> assertThat(listed.downgradeSql()).containsExactly("DROP TABLE a"));
	}

	@Test
	void withoutADatabaseTheRevisionsAreListedWithoutStatements() {
		Migrations migrations = Migrations
			.create(MigrationConfiguration.builder().locations("filesystem:" + this.revisions).build());

		RevisionInfo revision = migrations.revision("a1");

		assertThat(revision.id()).isEqualTo("a1");
		assertThat(revision.upgradeSql()).isEmpty();
		assertThat(revision.downgradeSql()).isEmpty();
	}

}
