package dev.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migration.support.DatabaseTests;
import dev.migration.support.IndexedClasspath;
import org.junit.jupiter.api.Test;

import static dev.migration.MigrationsExecutionTests.POSTS;
import static dev.migration.MigrationsExecutionTests.TEAMS;
import static dev.migration.MigrationsExecutionTests.USERS;
import static dev.migration.MigrationsExecutionTests.VERIFICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application built with a revision index against a real database: it plans, checks
 * checksums and reports status as one that reads its files, opens a file only to run it,
 * and refuses to run a file that changed after the build. The seed revisions are the
 * classpath location {@code classpath:revisions}. Each subclass names the database.
 */
abstract class IndexedRevisionsTests extends DatabaseTests {

	private static final List<String> LOCATIONS = List.of("classpath:revisions");

	private IndexedClasspath classLoader;

	IndexedRevisionsTests() {
		super(true);
	}

	@Test
	void anUpToDateDatabaseIsCheckedWithoutOpeningARevisionFileEvenWhenTheFilesChangedSinceTheBuild()
			throws IOException {
		String index = index();
		assertThat(built(index).upgrade("heads").steps()).hasSize(4);
		assertThat(this.classLoader.opened()).isEqualTo(4);
		for (Path file : revisionFiles()) {
			Files.writeString(file, Files.readString(file).replace("-- upgrade", "-- upgrade\nSELECT 1;"));
		}

		Migrations migrations = built(index);
		assertThat(migrations.upgrade("heads").steps()).isEmpty();
		assertThat(migrations.validate()).isEmpty();
		assertThat(migrations.current()).containsExactly(POSTS);
		assertThat(this.classLoader.opened()).isZero();
	}

	@Test
	void theIndexGivesTheSameRevisionsStatusAndChecksumsAsTheFiles() throws IOException {
		migrations().upgrade(VERIFICATION);
		Migrations indexed = built(index());
		Migrations read = read();

		assertThat(indexed.status()).isEqualTo(read.status());
		assertThat(indexed.revisions()).isEqualTo(read.revisions());
		assertThat(indexed.status().revision(USERS).lastUpgrade().checksum())
			.isEqualTo(indexed.revision(USERS).checksum());
		assertThat(indexed.plan(Direction.UPGRADE, List.of("heads")))
			.isEqualTo(read.plan(Direction.UPGRADE, List.of("heads")));
	}

	@Test
	void aPendingRevisionChangedAfterTheBuildFailsAsAStaleIndexAndNothingRuns() throws IOException {
		migrations().upgrade(VERIFICATION);
		Migrations migrations = built(index());
		Path teams = this.revisions.resolve("3f1c2a9b7d10_create_teams.sql");
		Files.writeString(teams, Files.readString(teams) + "\n-- edited after the build\n");
		long historyRows = this.database.count("SELECT COUNT(*) FROM migration_history");

		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageStartingWith("Revision classpath:revisions/3f1c2a9b7d10_create_teams.sql changed after the "
					+ "application was built")
			.withMessageContaining("the revision index written at build time holds")
			.withMessageContaining("nothing was run")
			.withMessageContaining("Build the application again");
		assertThat(migrations.current()).containsExactly(VERIFICATION);
		assertThat(this.database.tables()).doesNotContain("teams");
		assertThat(this.database.count("SELECT COUNT(*) FROM migration_history")).isEqualTo(historyRows);
	}

	@Test
	void anAppliedRevisionThatDiffersFromTheDatabaseFailsAsWithoutTheIndex() throws IOException {
		migrations().upgrade(TEAMS);
		Path verification = this.revisions.resolve("9a8b7c6d5e4f_add_email_verification.sql");
		Files.writeString(verification, Files.readString(verification).replace("DEFAULT FALSE", "DEFAULT TRUE"));
		Migrations indexed = built(index());

		ChecksumMismatchException withIndex = catchMismatch(indexed);
		ChecksumMismatchException withoutIndex = catchMismatch(read());
		assertThat(withIndex.getMessage()).isEqualTo(withoutIndex.getMessage()).contains(VERIFICATION);
		assertThat(indexed.validate()).isEqualTo(read().validate());
		assertThat(indexed.current()).containsExactly(TEAMS);
		assertThat(this.classLoader.opened()).isZero();
	}

	/** The index of the folder as the build writes it. */
	private String index() throws IOException {
		return IndexedClasspath.index(this.temporary, LOCATIONS);
	}

	/** The application started from what was built, its files counted. */
	private Migrations built(String index) {
		this.classLoader = IndexedClasspath.of(this.temporary);
		MigrationConfiguration configuration = configuration(MigrationConfiguration.builder()).locations(LOCATIONS)
			.classLoader(this.classLoader)
			.build();
		return Migrations.create(configuration,
				SqlRevisions.read(LOCATIONS, this.classLoader, this.classLoader.read(index)));
	}

	/** The same application reading its files. */
	private Migrations read() {
		return Migrations.create(configuration(MigrationConfiguration.builder()).locations(LOCATIONS)
			.classLoader(IndexedClasspath.of(this.temporary))
			.build());
	}

	private List<Path> revisionFiles() throws IOException {
		try (var files = Files.list(this.revisions)) {
			return files.toList();
		}
	}

	private static ChecksumMismatchException catchMismatch(Migrations migrations) {
		try {
			migrations.upgrade("heads");
		}
		catch (ChecksumMismatchException ex) {
			return ex;
		}
		throw new AssertionError("upgrade did not refuse the changed revision");
	}

}
