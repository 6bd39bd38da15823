package dev.migration.internal.source;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import dev.migration.ClasspathLister;
import dev.migration.LocationNotFoundException;
import dev.migration.MigrationException;
import dev.migration.RevisionParseException;
import dev.migration.internal.revision.Revision;
import dev.migration.internal.revision.SqlBody;
import dev.migration.internal.revision.SqlStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RevisionLoaderTests {

	private static final ClassLoader CLASS_LOADER = RevisionLoaderTests.class.getClassLoader();

	@TempDir
	Path directory;

	@Test
	void loadsSqlFilesOfADirectoryAndItsSubdirectories() throws IOException {
		write("a1_first.sql", revision("a1", "none"));
		write("2024/b2_second.sql", revision("b2", "a1"));
		write("2024/q3/c3_third.sql", revision("c3", "b2"));
		List<Revision> revisions = RevisionLoader.load(List.of(this.directory.toString()), CLASS_LOADER);
		assertThat(revisions).extracting(Revision::id).containsExactly("b2", "c3", "a1");
		assertThat(revisions).extracting(Revision::location)
			.containsExactly(file("2024/b2_second.sql"), file("2024/q3/c3_third.sql"), file("a1_first.sql"));
	}

	@Test
	void ignoresFilesThatAreNotSql() throws IOException {
		write("a1_first.sql", revision("a1", "none"));
		write("README.md", "# Revisions");
		write("a1_first.sql.bak", "not a revision");
		assertThat(RevisionLoader.load(List.of(this.directory.toString()), CLASS_LOADER)).extracting(Revision::id)
			.containsExactly("a1");
	}

	@Test
	void loadsAFilesystemLocation() throws IOException {
		write("a1_first.sql", revision("a1", "none"));
		Revision revision = RevisionLoader.load(List.of("filesystem:" + this.directory), CLASS_LOADER).get(0);
		assertThat(revision.id()).isEqualTo("a1");
		assertThat(revision.upgrade()).isEqualTo(new SqlBody(List.of(new SqlStatement("SELECT 'a1'", 4))));
		assertThat(revision.checksum()).isEqualTo(Checksums.sha256(revision("a1", "none")));
	}

	@Test
	void loadsAnEmptyDirectoryAsNoRevisions() {
		assertThat(RevisionLoader.load(List.of(this.directory.toString()), CLASS_LOADER)).isEmpty();
	}

	@Test
	void namesFilesBelowTheWorkingDirectoryByTheirRelativePath() throws IOException {
		Path target = Files.createDirectories(Path.of("target"));
		Path below = Files.createTempDirectory(target, "revision-loader");
		try {
			Files.writeString(below.resolve("a1_first.sql"), revision("a1", "none"));
			Revision revision = RevisionLoader.load(List.of(below.toAbsolutePath().toString()), CLASS_LOADER).get(0);
			assertThat(revision.location()).isEqualTo(below.resolve("a1_first.sql").toString());
			assertThat(Path.of(revision.location()).isAbsolute()).isFalse();
		}
		finally {
			deleteRecursively(below);
		}
	}

	@Test
	void rejectsAMissingDirectory() {
		String location = this.directory.resolve("missing").toString();
		assertThatExceptionOfType(LocationNotFoundException.class)
			.isThrownBy(() -> RevisionLoader.load(List.of(location), CLASS_LOADER))
			.satisfies((ex) -> assertThat(ex.location()).isEqualTo(location))
			.withMessageContaining("no directory");
	}

	@Test
	void rejectsAFileGivenAsLocation() throws IOException {
		write("a1_first.sql", revision("a1", "none"));
		String location = "filesystem:" + this.directory.resolve("a1_first.sql");
		assertThatExceptionOfType(LocationNotFoundException.class)
			.isThrownBy(() -> RevisionLoader.load(List.of(location), CLASS_LOADER))
			.withMessageContaining("is a file");
	}

	@Test
	void reportsAMalformedFileByItsLocation() throws IOException {
		write("a1_first.sql", "-- revision: a1\n-- down_revisions: none\n-- upgrade\n");
		assertThatExceptionOfType(RevisionParseException.class)
			.isThrownBy(() -> RevisionLoader.load(List.of(this.directory.toString()), CLASS_LOADER))
			.satisfies((ex) -> {
				assertThat(ex.location()).isEqualTo(file("a1_first.sql"));
				assertThat(ex.line()).isEqualTo(2);
			});
	}

	@Test
	void rejectsAFileThatIsNotUtf8NamingTheLineOfTheFirstBadByte() throws IOException {
		Files.write(this.directory.resolve("a1_first.sql"),
				revision("a1", "none").replace("SELECT 'a1'", "SELECT 'caf\u00e9'")
					.getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(RevisionParseException.class)
			.isThrownBy(() -> RevisionLoader.load(List.of(this.directory.toString()), CLASS_LOADER))
			.satisfies((failure) -> assertThat(failure.line()).isEqualTo(4))
			.withMessageStartingWith(file("a1_first.sql") + ":4: the file is not UTF-8: the byte 0xE9 on this line")
			.withMessageContaining("save the file as UTF-8");
	}

	@Test
	void countsCrLfAndLoneCrAsOneLineBreakWhenNamingTheLineOfABadByte() throws IOException {
		String content = "-- revision: a1\r\n-- down_revision: none\r-- message: caf\u00e9s\r\n-- upgrade\r\n"
				+ "SELECT 1;\r\nSELECT '\u00fc';\r\n";
		byte[] bytes = content.replace("caf\u00e9s", "cafes").getBytes(StandardCharsets.UTF_8);
		byte[] latin = content.replace("caf\u00e9s", "cafes").getBytes(StandardCharsets.ISO_8859_1);
		Files.write(this.directory.resolve("a1_first.sql"), latin);
		assertThatExceptionOfType(RevisionParseException.class)
			.isThrownBy(() -> RevisionLoader.load(List.of(this.directory.toString()), CLASS_LOADER))
			.satisfies((failure) -> assertThat(failure.line()).isEqualTo(6))
			.withMessageContaining("0xFC");
		Files.write(this.directory.resolve("a1_first.sql"), bytes);
		assertThat(RevisionLoader.load(List.of(this.directory.toString()), CLASS_LOADER)).hasSize(1);
	}

	@Test
	void rejectsAUtf16FileSayingSo() throws IOException {
		Files.write(this.directory.resolve("a1_first.sql"),
				("\uFEFF" + revision("a1", "none")).getBytes(StandardCharsets.UTF_16LE));
		assertThatExceptionOfType(RevisionParseException.class)
			.isThrownBy(() -> RevisionLoader.load(List.of(this.directory.toString()), CLASS_LOADER))
			.satisfies((failure) -> assertThat(failure.line()).isEqualTo(1))
			.withMessageContaining("the file is UTF-16");
	}

	@Test
	void readsAUtf8FileWithAByteOrderMarkAndCrLfLineEndings() throws IOException {
		String plain = "-- revision: a1\n-- down_revision: none\n-- message: Caf\u00e9\n-- upgrade\nSELECT 1;\n"
				+ "SELECT 'caf\u00e9';\n";
		Files.write(this.directory.resolve("a1_first.sql"),
				("\uFEFF" + plain.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
		Revision revision = RevisionLoader.load(List.of(this.directory.toString()), CLASS_LOADER).get(0);
		assertThat(revision.message()).isEqualTo("Caf\u00e9");
		assertThat(((SqlBody) revision.upgrade()).statements(SqlSyntax.SQLITE))
			.containsExactly(new SqlStatement("SELECT 1", 5), new SqlStatement("SELECT 'caf\u00e9'", 6));
		assertThat(revision.checksum()).isEqualTo(Checksums.sha256(plain));
	}

	@Test
	void keepsAReplacementCharacterThatTheFileHoldsItself() throws IOException {
		// U+FFFD is also what a lenient decoder makes of bad bytes; written as UTF-8 it
		// is a character like any other
		String content = revision("a1", "none").replace("SELECT 'a1'", "SELECT '\uFFFD'");
		Files.writeString(this.directory.resolve("a1_first.sql"), content, StandardCharsets.UTF_8);
		Revision revision = RevisionLoader.load(List.of(this.directory.toString()), CLASS_LOADER).get(0);
		assertThat(((SqlBody) revision.upgrade()).statements(SqlSyntax.SQLITE).get(0).sql()).contains("'\uFFFD'");
		assertThat(revision.checksum()).isEqualTo(Checksums.sha256(content));
	}

	@Test
	void followsASymbolicLinkToARevisionFile(@TempDir Path elsewhere) throws IOException {
		Files.writeString(elsewhere.resolve("a1_first.sql"), revision("a1", "none"));
		Files.createSymbolicLink(this.directory.resolve("a1_first.sql"), elsewhere.resolve("a1_first.sql"));
		assertThat(RevisionLoader.load(List.of(this.directory.toString()), CLASS_LOADER)).extracting(Revision::id)
			.containsExactly("a1");
	}

	@Test
	void namesADirectoryThatIsNamedLikeARevision() throws IOException {
		write("a1_first.sql", revision("a1", "none"));
		Files.createDirectories(this.directory.resolve("b2_second.sql"));
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> RevisionLoader.load(List.of(this.directory.toString()), CLASS_LOADER))
			.withMessageContaining("b2_second.sql")
			.withMessageContaining("is a directory")
			.withMessageContaining("rename");
	}

	@Test
	void loadsFromClasspathDirectories() {
		List<Revision> revisions = RevisionLoader.load(List.of("classpath:source/revisions"), CLASS_LOADER);
		assertThat(revisions).extracting(Revision::location)
			.containsExactly("classpath:source/revisions/a1_first.sql",
					"classpath:source/revisions/nested/b2_second.sql");
		assertThat(revisions.get(0).reversible()).isTrue();
		assertThat(revisions.get(1).reversible()).isFalse();
		assertThat(revisions.get(1).upgrade())
			.isEqualTo(new SqlBody(List.of(new SqlStatement("CREATE TABLE second (id INT)", 6))));
	}

	@Test
	void acceptsLeadingAndTrailingSlashesInClasspathLocations() {
		assertThat(RevisionLoader.load(List.of("classpath:/source/revisions/"), CLASS_LOADER)).extracting(Revision::id)
			.containsExactly("a1", "b2");
	}

	@Test
	void rejectsAMissingClasspathLocation() {
		assertThatExceptionOfType(LocationNotFoundException.class)
			.isThrownBy(() -> RevisionLoader.load(List.of("classpath:source/missing"), CLASS_LOADER))
			.satisfies((ex) -> assertThat(ex.location()).isEqualTo("classpath:source/missing"));
	}

	@Test
	void loadsFromAJarOnTheClasspath() throws IOException {
		Path jar = this.directory.resolve("revisions.jar");
		try (JarOutputStream output = new JarOutputStream(Files.newOutputStream(jar))) {
			directoryEntry(output, "db/");
			directoryEntry(output, "db/revisions/");
			fileEntry(output, "db/revisions/a1_first.sql", revision("a1", "none"));
			fileEntry(output, "db/revisions/notes.txt", "not a revision");
			directoryEntry(output, "db/revisions/nested/");
			fileEntry(output, "db/revisions/nested/b2_second.sql", revision("b2", "a1"));
			directoryEntry(output, "db/revisions_old/");
			fileEntry(output, "db/revisions_old/z9_elsewhere.sql", revision("z9", "none"));
		}
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<Revision> revisions = RevisionLoader.load(List.of("classpath:db/revisions"), classLoader);
			assertThat(revisions).extracting(Revision::location)
				.containsExactly("classpath:db/revisions/a1_first.sql", "classpath:db/revisions/nested/b2_second.sql");
			assertThat(revisions.get(1).downRevisions()).containsExactly("a1");
		}
	}

	@Test
	void readsTheFilesAListerGivesForAClasspathLocationInsteadOfListingIt() throws IOException {
		write("a1_first.sql", revision("a1", "none"));
		write("nested/b2_second.sql", revision("b2", "a1"));
		URL first = this.directory.resolve("a1_first.sql").toUri().toURL();
		URL second = new URL("jar:" + jarWith("b.sql", revision("b2", "a1")).toUri() + "!/b.sql");
		ClasspathLister lister = (path) -> path.equals("listed/revisions")
				? List.of(new ClasspathLister.Entry("a1_first.sql", first),
						new ClasspathLister.Entry("nested/b2_second.sql", second))
				: null;
		List<Revision> revisions = RevisionLoader
			.load(List.of("classpath:listed/revisions", "classpath:source/revisions"), CLASS_LOADER, lister);
		// the unknown location is listed by the class loader as before
		assertThat(revisions).extracting(Revision::location)
			.containsExactly("classpath:listed/revisions/a1_first.sql",
					"classpath:listed/revisions/nested/b2_second.sql", "classpath:source/revisions/a1_first.sql",
					"classpath:source/revisions/nested/b2_second.sql");
		assertThat(revisions.get(1).downRevisions()).containsExactly("a1");
	}

	@Test
	void listsAClasspathRootOfAnotherSchemeThroughItsFileSystem() {
		// a native image serves resource: URLs; jrt: is such a scheme with a file system
		// on every JVM
		ClassLoader jrt = new ClassLoader(null) {
			@Override
			public java.util.Enumeration<URL> getResources(String name) throws IOException {
				return java.util.Collections.enumeration(List.of(new URL("jrt:/java.base/" + name)));
			}
		};
		assertThat(RevisionLoader.load(List.of("classpath:java/lang"), jrt)).isEmpty();
		assertThatExceptionOfType(LocationNotFoundException.class)
			.isThrownBy(() -> RevisionLoader.load(List.of("classpath:java/lang/Object.class"), jrt))
			.withMessageContaining("is a file");
	}

	private Path jarWith(String name, String content) throws IOException {
		Path jar = this.directory.resolve("listed.jar");
		try (JarOutputStream output = new JarOutputStream(Files.newOutputStream(jar))) {
			fileEntry(output, name, content);
		}
		return jar;
	}

	@Test
	void combinesSeveralLocationsInOneListSortedByLocation() throws IOException {
		write("c3_third.sql", revision("c3", "b2"));
		List<Revision> revisions = RevisionLoader.load(List.of("classpath:source/revisions", this.directory.toString()),
				CLASS_LOADER);
		assertThat(revisions).extracting(Revision::location)
			.containsExactly(file("c3_third.sql"), "classpath:source/revisions/a1_first.sql",
					"classpath:source/revisions/nested/b2_second.sql");
	}

	@Test
	void manyFilesAreParsedTogetherAndTheFirstBrokenFileInOrderIsTheOneReported() throws IOException {
		for (int i = 1; i <= 200; i++) {
			String id = String.format("r%03d", i);
			String downRevision = (i == 1) ? "none" : String.format("r%03d", i - 1);
			boolean broken = i == 120 || i == 180;
			write(id + ".sql",
					broken ? "-- revision: " + id + "\n-- upgrade\nSELECT 1;\n" : revision(id, downRevision));
		}
		List<String> location = List.of(this.directory.toString());
		// every run, whichever thread meets its broken file first
		for (int run = 0; run < 5; run++) {
			assertThatExceptionOfType(RevisionParseException.class)
				.isThrownBy(() -> RevisionLoader.load(location, CLASS_LOADER))
				.satisfies((ex) -> assertThat(ex.location()).isEqualTo(file("r120.sql")));
		}
		write("r120.sql", revision("r120", "r119"));
		write("r180.sql", revision("r180", "r179"));
		List<Revision> revisions = RevisionLoader.load(location, CLASS_LOADER);
		assertThat(revisions).hasSize(200);
		assertThat(revisions.get(149).id()).isEqualTo("r150");
		assertThat(revisions.get(149).downRevisions()).containsExactly("r149");
	}

	private void write(String name, String content) throws IOException {
		Path file = this.directory.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

	private String file(String name) {
		return this.directory.resolve(name).toString();
	}

	private static String revision(String id, String downRevision) {
		return "-- revision: " + id + "\n-- down_revision: " + downRevision + "\n-- upgrade\nSELECT '" + id + "';\n";
	}

	private static void directoryEntry(JarOutputStream output, String name) throws IOException {
		output.putNextEntry(new JarEntry(name));
		output.closeEntry();
	}

	private static void fileEntry(JarOutputStream output, String name, String content) throws IOException {
		output.putNextEntry(new JarEntry(name));
		output.write(content.getBytes(StandardCharsets.UTF_8));
		output.closeEntry();
	}

	private static void deleteRecursively(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
