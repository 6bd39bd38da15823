package dev.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migration.support.TestRevision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SQL revisions read ahead of
 * {@link Migrations#create(MigrationConfiguration, SqlRevisions)} (on the thread that
 * reads them, their graph too) give the same graph and the same errors as revisions read
 * by {@code create}.
 */
class SqlRevisionsTests {

	@TempDir
	Path directory;

	@Test
	void revisionsReadAheadGiveTheirGraph() throws IOException {
		write("a.sql", "aaaaaaaaaaaa", "none");
		write("b.sql", "bbbbbbbbbbbb", "aaaaaaaaaaaa");
		MigrationConfiguration configuration = configuration().build();

		Migrations migrations = Migrations.create(configuration, read(configuration));

		assertThat(migrations.heads()).containsExactly("bbbbbbbbbbbb");
		assertThat(migrations.revisions()).extracting(RevisionInfo::id).containsExactly("bbbbbbbbbbbb", "aaaaaaaaaaaa");
	}

	@Test
	void aSqlRevisionBelowAJavaRevisionJoinsItsGraph() throws IOException {
		write("a.sql", "aaaaaaaaaaaa", "none");
		// its down revision is a Java revision: alone, the SQL revisions' graph is broken
		write("c.sql", "cccccccccccc", "java00000001");
		JavaRevision java = TestRevision.executing("java00000001", "aaaaaaaaaaaa", "Between", "SELECT 1", "SELECT 1");
		MigrationConfiguration configuration = configuration().javaRevisions(java).build();

		Migrations migrations = Migrations.create(configuration, read(configuration));

		assertThat(migrations.heads()).containsExactly("cccccccccccc");
		assertThat(migrations.revisions()).extracting(RevisionInfo::id)
			.containsExactly("cccccccccccc", "java00000001", "aaaaaaaaaaaa");
	}

	@Test
	void aJavaRevisionAboveTheSqlRevisionsIsAHeadOfTheirGraph() throws IOException {
		write("a.sql", "aaaaaaaaaaaa", "none");
		JavaRevision java = TestRevision.executing("java00000001", "aaaaaaaaaaaa", "Above", "SELECT 1", "SELECT 1");
		MigrationConfiguration configuration = configuration().javaRevisions(java).build();

		Migrations migrations = Migrations.create(configuration, read(configuration));

		assertThat(migrations.heads()).containsExactly("java00000001");
	}

	@Test
	void aBrokenGraphIsRefusedByCreateNotByTheRead() throws IOException {
		write("a.sql", "aaaaaaaaaaaa", "none");
		write("b.sql", "bbbbbbbbbbbb", "dddddddddddd");
		MigrationConfiguration configuration = configuration().build();
		SqlRevisions revisions = read(configuration);

		assertThatExceptionOfType(InvalidGraphException.class)
			.isThrownBy(() -> Migrations.create(configuration, revisions))
			.withMessageContaining("bbbbbbbbbbbb")
			.withMessageContaining("dddddddddddd");
	}

	private MigrationConfiguration.Builder configuration() {
		return MigrationConfiguration.builder()
			.url("jdbc:sqlite:" + this.directory.resolve("db.sqlite"))
			.locations(List.of("filesystem:" + this.directory.resolve("revisions")));
	}

	private static SqlRevisions read(MigrationConfiguration configuration) {
		return SqlRevisions.read(configuration.locations(), configuration.classLoader(), null);
	}

	private void write(String name, String id, String down) throws IOException {
		Path revisions = Files.createDirectories(this.directory.resolve("revisions"));
		Files.writeString(revisions.resolve(name), "-- revision: " + id + "\n-- down_revision: " + down
				+ "\n-- message: " + name + "\n\n-- upgrade\nSELECT 1;\n\n-- downgrade\nSELECT 1;\n");
	}

}
