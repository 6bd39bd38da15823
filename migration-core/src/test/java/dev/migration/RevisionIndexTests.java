package dev.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.migration.support.IndexedClasspath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The index written at build time: what a lister finds of the classpath locations, a
 * {@code {vendor}} standing for each vendor, each file's checksum and header, read back
 * as it was written; the revisions built from it are those read from the files.
 */
class RevisionIndexTests {

	/**
	 * Real migrations of open-source projects, kept by the command line's corpus test.
	 */
	private static final Path CORPUS = Paths.get("../migration-cli/src/test/resources/corpus");

	private static final List<String> CORPUS_LOCATIONS = List.of("classpath:keto/sqlite",
			"classpath:supabase-auth/postgresql");

	@TempDir
	Path classpath;

	@Test
	void indexesTheClasspathLocationsEachVendorOfAPlaceholderAndReadsBackAsWritten() throws IOException {
		Path revisions = Files.createDirectories(this.classpath.resolve("db/revisions"));
		Files.writeString(revisions.resolve("b.sql"), "-- revision: b\n-- down_revision: a\n-- upgrade\nSELECT 2;\n");
		Files.writeString(revisions.resolve("a.sql"), "-- revision: a\n-- down_revision: none\n"
				+ "-- message: tab\there, back\\slash\n-- upgrade\nSELECT 1;\n-- downgrade\nSELECT 0;\n");
		Files.createDirectories(this.classpath.resolve("db/sqlite"));
		List<String> asked = new ArrayList<>();
		ClasspathLister lister = (path) -> {
			asked.add(path);
			return path.equals("db/postgresql") ? null
					: List.of(entry(revisions.resolve("b.sql")), entry(revisions.resolve("a.sql")));
		};
		RevisionIndex index = RevisionIndex.of(
				List.of("classpath:/db/revisions/", "filesystem:db/elsewhere", "classpath:db/{vendor}"), lister,
				Map.of("app.revisions", List.of("app.revisions.V1")));
		assertThat(asked).containsExactly("db/revisions", "db/postgresql", "db/sqlite");
		IndexedClasspath classLoader = IndexedClasspath.of(this.classpath);
		RevisionIndex read = classLoader.read(index.text());
		assertThat(read.text()).isEqualTo(index.text());
		assertThat(index.text()).startsWith("V\t2\nL\tdb/revisions\ta.sql\t")
			.contains("\ta\t\t\t\ttrue\ttrue\t\ttab\\there, back\\\\slash\n")
			.contains("\tb\ta\t\t\ttrue\tfalse\t\t\n")
			.contains("L\tdb/sqlite\tb.sql\t")
			.endsWith("J\tapp.revisions\tapp.revisions.V1\n");
		assertThat(read.javaRevisions("app.revisions")).containsExactly("app.revisions.V1");
		assertThat(read.list("db/revisions")).extracting(ClasspathLister.Entry::indexed).doesNotContainNull();
		Migrations migrations = Migrations.create(
				MigrationConfiguration.builder().locations("classpath:db/revisions").classLoader(classLoader).build(),
				SqlRevisions.read(List.of("classpath:db/revisions"), classLoader, read));
		assertThat(migrations.revision("a").message()).isEqualTo("tab\there, back\\slash");
	}

	@Test
	void anIndexOfTheFirstFormatListsTheFilesOnlyAndTheEngineReadsThem() throws IOException {
		Files.createDirectories(this.classpath.resolve("db"));
		Files.writeString(this.classpath.resolve("db/a.sql"), "-- revision: a\n-- down_revision: none\n-- upgrade\n");
		RevisionIndex firstFormat = RevisionIndex.read("L\tdb\ta.sql\n", IndexedClasspath.of(this.classpath));
		assertThat(firstFormat.list("db")).singleElement().satisfies((entry) -> {
			assertThat(entry.name()).isEqualTo("a.sql");
			assertThat(entry.indexed()).isNull();
		});
		String laterFormat = "V\t3\n" + IndexedClasspath.index(this.classpath, List.of("classpath:db")).substring(4);
		assertThat(RevisionIndex.read(laterFormat, IndexedClasspath.of(this.classpath)).list("db"))
			.extracting(ClasspathLister.Entry::indexed)
			.containsOnlyNulls();
		assertThat(SqlRevisions.read(List.of("classpath:db"), IndexedClasspath.of(this.classpath), firstFormat)
			.locations()).containsExactly("classpath:db");
	}

	@Test
	void realRevisionsBuiltFromTheIndexAreThoseReadFromTheirFilesAndNoneIsOpenedUntilItsStatementsAreAsked()
			throws IOException {
		String text = IndexedClasspath.index(CORPUS, CORPUS_LOCATIONS);
		IndexedClasspath classLoader = IndexedClasspath.of(CORPUS);
		RevisionIndex index = classLoader.read(text);
		assertThat(index.text()).isEqualTo(text);
		assertThat(text.lines()).hasSize(1 + 16 + 71);

		MigrationConfiguration.Builder configuration = MigrationConfiguration.builder()
			.locations(CORPUS_LOCATIONS)
			.classLoader(classLoader);
		Migrations indexed = Migrations.create(configuration.build(),
				SqlRevisions.read(CORPUS_LOCATIONS, classLoader, index));
		Migrations read = Migrations.create(configuration.build());
		assertThat(indexed.revisions()).isEqualTo(read.revisions()).hasSize(16 + 71);
		assertThat(indexed.heads()).isEqualTo(read.heads());
		assertThat(classLoader.opened()).isZero();

		// a listing with statements reads each file once, for both of its bodies
		Migrations indexedWithStatements = Migrations.create(configuration.dialect("postgresql").build(),
				SqlRevisions.read(CORPUS_LOCATIONS, classLoader, index));
		assertThat(indexedWithStatements.revisions())
			.isEqualTo(Migrations.create(configuration.dialect("postgresql").build()).revisions());
		assertThat(classLoader.opened()).isEqualTo(16 + 71);
	}

	@Test
	void aClasspathPathHasNeitherThePrefixNorSurroundingSlashes() {
		assertThat(RevisionIndex.classpathPath("classpath:/db/schema.sql")).isEqualTo("db/schema.sql");
		assertThat(RevisionIndex.classpathPath("classpath:db/revisions//")).isEqualTo("db/revisions");
		assertThat(RevisionIndex.classpathPath("filesystem:db/revisions")).isNull();
		assertThat(RevisionIndex.classpathPath(null)).isNull();
	}

	@Test
	void aFileThatDoesNotParseAtBuildTimeIsListedOnlyAndTheEngineReportsItWhenItRuns() throws IOException {
		Path revisions = Files.createDirectories(this.classpath.resolve("db"));
		Files.writeString(revisions.resolve("a.sql"),
				"-- revision: a\n-- down_revision: none\n-- upgrade\nSELECT 1;\n");
		Files.writeString(revisions.resolve("b.sql"), "-- down_revision: a\n-- upgrade\nSELECT 2;\n");
		RevisionIndex index = RevisionIndex.of(List.of("classpath:db"),
				(path) -> List.of(entry(revisions.resolve("a.sql")), entry(revisions.resolve("b.sql"))), Map.of());
		IndexedClasspath classLoader = IndexedClasspath.of(this.classpath);
		RevisionIndex read = classLoader.read(index.text());
		assertThat(read.list("db")).extracting(ClasspathLister.Entry::indexed)
			.satisfiesExactly((a) -> assertThat(a).isNotNull(), (b) -> assertThat(b).isNull());
		assertThatExceptionOfType(RevisionParseException.class)
			.isThrownBy(() -> SqlRevisions.read(List.of("classpath:db"), classLoader, read))
			.withMessageContaining("b.sql");
	}

	private static ClasspathLister.Entry entry(Path file) throws IOException {
		return new ClasspathLister.Entry(file.getFileName().toString(), file.toUri().toURL());
	}

}
