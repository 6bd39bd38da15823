package dev.migration.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.migration.cli.Cli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.migration.cli.Cli.POSTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code revision} and {@code merge} write only what the parser reads: a value the file
 * cannot hold is refused with the option and the rule, and the folder stays as it was, so
 * that every later command still works.
 */
class RevisionArgumentsTest {

	@TempDir
	Path directory;

	Cli cli;

	@BeforeEach
	void setUp() {
		this.cli = Cli.withSeed(this.directory);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Add index\r-- transactional: false", "Add index\n-- transactional: false",
			"Add index\r\n-- depends_on: 1a2b3c4d5e6f", "Add\u2028index", "Add\u0000index" })
	void aMessageThatWouldEndTheHeaderLineIsRefused(String message) {
		Map<Path, String> before = files();

		Result result = this.cli.run("revision", "-m", message);

		assertRefused(result, before, "-m/--message: The message '");
		assertThat(result.err()).containsAnyOf("holds a line break", "holds the control character");
	}

	@ParameterizedTest
	@ValueSource(strings = { "x\nDROP TABLE t;", "two words", "a,b", "at@sign", "tab\there", "" })
	void aBranchLabelTheParserWouldRefuseIsRefused(String label) {
		Map<Path, String> before = files();

		Result result = this.cli.run("revision", "-m", "Labelled", "--branch-label", label);

		assertRefused(result, before, "--branch-label: The branch label '");
		assertThat(result.err()).contains("must not be empty nor hold whitespace, control characters, '@' or ','");
	}

	@Test
	void aMergeWithABadLabelIsRefused() {
		this.cli.write("b1_side.sql", Cli.revision("b1", Cli.EMAIL, "Side branch", "SELECT 1;", "SELECT 1;"));
		Map<Path, String> before = files();

		Result result = this.cli.run("merge", "-m", "Join", "--branch-label", "x\nDROP TABLE t;", "heads");

		assertRefused(result, before, "--branch-label: The branch label 'x\\nDROP TABLE t;' is not valid");
	}

	@Test
	void aDependencyGivenTwiceIsRefused() {
		Map<Path, String> before = files();

		Result result = this.cli.run("revision", "-m", "Twice", "--depends-on", Cli.USERS, "--depends-on", "1a2b");

		assertRefused(result, before, "--depends-on: The dependency '" + Cli.USERS + "' is given twice");
	}

	@ParameterizedTest
	@ValueSource(strings = { "none", "NONE", "no-dashes" })
	void anIdTheParserWouldReadDifferentlyIsRefused(String id) {
		Map<Path, String> before = files();

		Result result = this.cli.run("revision", "-m", "Chosen id", "--rev-id", id);

		assertRefused(result, before, "--rev-id: The revision id '" + id + "' is not valid");
	}

	@Test
	void aMessageWithDashesColonsAndUnicodeReadsBackAsTyped() {
		String message = "Add -- index: on users.email ✓ 中文 😀;";

		Result result = this.cli.run("revision", "-m", "  " + message + "\t", "--rev-id", "typed1", "--branch-label",
				"été_2026");

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(this.cli.run("history").lines()).first()
			.isEqualTo(POSTS + " -> typed1 (head) (été_2026), " + message);
		assertThat(this.cli.run("show", "typed1").out()).contains("Message: " + message + "\n");
	}

	private void assertRefused(Result result, Map<Path, String> before, String error) {
		assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("FAILED: " + error).contains("Nothing was written.").hasLineCount(1);
		assertThat(files()).isEqualTo(before);
		Result history = this.cli.run("history");
		assertThat(history.exitCode()).as(history.err()).isZero();
		assertThat(this.cli.run("heads").out()).isNotEmpty();
	}

	/** Every file of the revisions folder with its content. */
	private Map<Path, String> files() {
		try (Stream<Path> files = Files.list(this.cli.revisions)) {
			return files.collect(Collectors.toMap(Function.identity(), RevisionArgumentsTest::read));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
