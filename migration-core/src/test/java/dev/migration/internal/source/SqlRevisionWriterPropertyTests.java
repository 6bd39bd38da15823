package dev.migration.internal.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.migration.InvalidRevisionArgumentException;
import dev.migration.MigrationException;
import dev.migration.NewRevision;
import dev.migration.internal.graph.RevisionGraph;
import dev.migration.internal.revision.Revision;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Whatever {@code revision} and {@code merge} write reads back through the parser to the
 * values asked for, and the folder still loads as a graph; whatever they refuse leaves
 * the folder as it was. Values are random: messages with any character (CR, LF, Unicode
 * line separators, {@code --}, {@code :}, control characters, lone surrogates), labels
 * and ids valid and not. Whether a value is valid is decided here independently of the
 * writer, so that the two must agree.
 */
class SqlRevisionWriterPropertyTests {

	private static final Instant CREATED = Instant.parse("2026-12-07T09:00:00Z");

	/** Characters that make messages and labels interesting, broken ones included. */
	private static final String TRICKY = "aZ09_ "
			+ "-:;,@#'\"\t\r\n\u0085\u2028\u2029\u00A0\u0000\u001B\u007Fé中\uD83D\uDE00";

	@Property(tries = 300)
	void aRevisionReadsBackAsAskedOrIsRefusedWithTheFolderUnchanged(@ForAll("messages") String message,
			@ForAll("labelLists") List<String> labels, @ForAll("ids") String id,
			@ForAll("dependencies") List<String> dependsOn) throws IOException {
		Path folder = folderWithRoot();
		try {
			NewRevision revision = NewRevision.of(message, List.of("b2"))
				.withId(id)
				.withBranchLabels(labels)
				.withDependsOn(dependsOn);
			boolean valid = isMessage(message) && (id == null || isFreeId(id)) && areFreeLabels(labels, id)
					&& dependsOn.stream().allMatch(List.of("a1", "b2")::contains)
					&& new HashSet<>(dependsOn).size() == dependsOn.size();
			assertWrittenOrRefused(folder, revision, valid);
		}
		finally {
			delete(folder);
		}
	}

	@Property(tries = 200)
	void aMergeReadsBackWithEveryParentOrIsRefusedWithTheFolderUnchanged(@ForAll("messages") String message,
			@ForAll("labelLists") List<String> labels) throws IOException {
		Path folder = folderWithRoot();
		try {
			write(folder, NewRevision.of("Side", List.of("a1")).withId("c3"));
			NewRevision merge = NewRevision.of(message, List.of("b2", "c3")).withBranchLabels(labels);
			boolean valid = isMessage(message) && areFreeLabels(labels, null) && !labels.contains("c3");
			Path file = assertWrittenOrRefused(folder, merge, valid);
			if (file != null) {
				assertThat(graph(folder).heads()).containsExactly(
						SqlRevisionParser.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)).id());
			}
		}
		finally {
			delete(folder);
		}
	}

	/**
	 * Writes, or checks that nothing was written; returns the file written, or
	 * {@code null}.
	 */
	private static Path assertWrittenOrRefused(Path folder, NewRevision revision, boolean valid) throws IOException {
		Statistics.label("written").collect(valid);
		// both outcomes must be tried often enough for the property to say something
		// about each
		Statistics.label("written").coverage((coverage) -> {
			coverage.check(true).percentage((percent) -> percent > 10);
			coverage.check(false).percentage((percent) -> percent > 10);
		});
		Map<String, String> before = contents(folder);
		RevisionGraph graph = graph(folder);
		Path[] written = new Path[1];
		Throwable failure = catchThrowable(
				() -> written[0] = SqlRevisionWriter.write(folder, revision, graph, CREATED));
		if (!valid) {
			assertThat(failure).as("refused: " + revision)
				.isInstanceOf(MigrationException.class)
				.hasMessageEndingWith("Nothing was written.");
			assertThat(failure.getMessage()).doesNotContain("\n", "\r");
			if (failure instanceof InvalidRevisionArgumentException invalid) {
				assertThat(invalid.argument()).isIn("revision", "message", "branch_labels", "depends_on",
						"down_revision", "upgrade", "downgrade");
			}
			assertThat(contents(folder)).isEqualTo(before);
			return null;
		}
		assertThat(failure).as("written: " + revision).isNull();
		Revision read = SqlRevisionParser.parse(written[0].toString(),
				Files.readString(written[0], StandardCharsets.UTF_8));
		assertThat(read.message()).isEqualTo(revision.message().strip());
		assertThat(read.downRevisions()).isEqualTo(revision.downRevisions());
		assertThat(read.branchLabels()).isEqualTo(revision.branchLabels());
		assertThat(read.dependsOn()).isEqualTo(revision.dependsOn());
		assertThat(read.transactional()).isTrue();
		if (revision.id() != null) {
			assertThat(read.id()).isEqualTo(revision.id());
		}
		assertThat(graph(folder).contains(read.id())).isTrue();
		assertThat(contents(folder)).hasSize(before.size() + 1).containsAllEntriesOf(before);
		return written[0];
	}

	@Provide
	Arbitrary<String> messages() {
		return Arbitraries.oneOf(Arbitraries.strings().withChars(TRICKY.toCharArray()).ofMaxLength(12),
				Arbitraries.strings().alpha().numeric().withChars(" -:;,.'()").ofMaxLength(60),
				Arbitraries.strings().all().ofMaxLength(8), Arbitraries.of("Add index\r-- transactional: false",
						"x\n-- downgrade", "-- upgrade", " padded ", "", "message: -- x: y"));
	}

	@Provide
	Arbitrary<List<String>> labelLists() {
		Arbitrary<String> label = Arbitraries.oneOf(
				Arbitraries.strings().alpha().numeric().withChars("_-:#é").ofMinLength(1).ofMaxLength(10),
				Arbitraries.strings().withChars(TRICKY.toCharArray()).ofMaxLength(4),
				Arbitraries.of("two words", "x\nDROP TABLE t;", "a1", "taken", "label"));
		return label.list().ofMaxSize(3);
	}

	@Provide
	Arbitrary<String> ids() {
		return Arbitraries
			.oneOf(Arbitraries.strings().alpha().numeric().withChars('_').ofMinLength(1).ofMaxLength(34),
					Arbitraries.of("none", "NONE", "a1", "b2", "no-dashes", "x y", "label", "taken"),
					Arbitraries.strings().withChars(TRICKY.toCharArray()).ofMinLength(1).ofMaxLength(4))
			.injectNull(0.3);
	}

	@Provide
	Arbitrary<List<String>> dependencies() {
		return Arbitraries.of("a1", "b2", "zz9").list().ofMaxSize(2);
	}

	/**
	 * The oracle for messages: one line of text once the surrounding whitespace is
	 * dropped.
	 */
	private static boolean isMessage(String message) {
		String line = message.strip();
		for (int i = 0; i < line.length(); i++) {
			char character = line.charAt(i);
			boolean surrogateAlone = Character.isHighSurrogate(character)
					? (i + 1 == line.length() || !Character.isLowSurrogate(line.charAt(i + 1)))
					: Character.isLowSurrogate(character) && (i == 0 || !Character.isHighSurrogate(line.charAt(i - 1)));
			if ((Character.isISOControl(character) && character != '\t') || surrogateAlone
					|| "\u0085\u2028\u2029".indexOf(character) >= 0) {
				return false;
			}
		}
		return true;
	}

	private static boolean isFreeId(String id) {
		return id.matches("[A-Za-z0-9_]{1,32}") && !id.equalsIgnoreCase("none")
				&& !List.of("a1", "b2", "c3", "taken").contains(id);
	}

	/**
	 * Labels the parser reads back as they are, each once, none an id or the seed's label
	 * {@code taken}.
	 */
	private static boolean areFreeLabels(List<String> labels, String id) {
		Set<String> seen = new HashSet<>();
		for (String label : labels) {
			boolean readable = !label.isEmpty() && label.codePoints()
				.noneMatch((character) -> character == '@' || character == ',' || Character.isWhitespace(character)
						|| Character.isSpaceChar(character) || Character.isISOControl(character)
						|| Character.getType(character) == Character.SURROGATE);
			boolean free = !List.of("a1", "b2", "c3", "taken").contains(label) && !label.equals(id);
			if (!readable || !free || !seen.add(label)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * {@code a1} (a root labelled {@code taken}) and {@code b2 <- a1}, written by the
	 * writer itself.
	 */
	private static Path folderWithRoot() throws IOException {
		Path folder = Files.createTempDirectory("revisions");
		write(folder, NewRevision.of("Root", List.of()).withId("a1").withBranchLabels(List.of("taken")));
		write(folder, NewRevision.of("Second", List.of("a1")).withId("b2"));
		return folder;
	}

	private static void write(Path folder, NewRevision revision) {
		SqlRevisionWriter.write(folder, revision, graph(folder), CREATED);
	}

	/** The folder as every command loads it. */
	private static RevisionGraph graph(Path folder) {
		return RevisionGraph.of(RevisionLoader.load(List.of("filesystem:" + folder),
				SqlRevisionWriterPropertyTests.class.getClassLoader()));
	}

	private static Map<String, String> contents(Path folder) throws IOException {
		Map<String, String> contents = new TreeMap<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.toList()) {
				contents.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
			}
		}
		return contents;
	}

	private static void delete(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
