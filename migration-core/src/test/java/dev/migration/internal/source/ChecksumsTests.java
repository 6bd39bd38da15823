package dev.migration.internal.source;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class ChecksumsTests {

	private static final String SOURCE = "-- revision: r1\n-- down_revision: none\n-- upgrade\n"
			+ "\tCREATE TABLE t (id INT);\n";

	@Test
	void isTheSha256OfTheNormalizedSourceInLowercaseHex() {
		// echo -n 'abc' | sha256sum
		assertThat(Checksums.sha256("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	/** Changes to {@link #SOURCE} that the checksum ignores. */
	static Stream<Arguments> ignoredChanges() {
		return Stream.of(argumentSet("ignoresCarriageReturnLineFeeds", SOURCE.replace("\n", "\r\n")),
				argumentSet("ignoresCarriageReturns", SOURCE.replace("\n", "\r")),
				argumentSet("ignoresTrailingWhitespaceOfLines", SOURCE.replace("\n", " \t \n")),
				argumentSet("ignoresTrailingBlankLines", SOURCE + "\n  \n\n"),
				argumentSet("ignoresAMissingFinalLineBreak", SOURCE.strip()),
				argumentSet("ignoresAByteOrderMark", "\uFEFF" + SOURCE));
	}

	/** Changes to {@link #SOURCE} that change the checksum. */
	static Stream<Arguments> meaningfulChanges() {
		return Stream.of(argumentSet("changesWhenOneCharacterChanges", SOURCE.replace("id INT", "id INU")),
				argumentSet("changesWhenLeadingIndentationChanges", SOURCE.replace("\tCREATE", "CREATE")),
				argumentSet("changesWhenABlankLineIsAddedInside", SOURCE.replace("-- upgrade\n", "-- upgrade\n\n")),
				argumentSet("changesWhenLeadingBlankLinesAreAdded", "\n" + SOURCE));
	}

	@ParameterizedTest
	@MethodSource("ignoredChanges")
	void ignores(String changed) {
		assertThat(Checksums.sha256(changed)).isEqualTo(Checksums.sha256(SOURCE));
	}

	@ParameterizedTest
	@MethodSource("meaningfulChanges")
	void changes(String changed) {
		assertThat(Checksums.sha256(changed)).isNotEqualTo(Checksums.sha256(SOURCE));
	}

	@Test
	void normalizesToLinesJoinedByLineFeeds() {
		assertThat(Checksums.normalize("\uFEFFa  \r\nb\rc\t\n\n \n")).isEqualTo("a\nb\nc");
	}

	@Test
	void hashesTheBytesOfANormalFileAsTheyAreLessItsFinalLineBreaks() {
		assertThat(Checksums.normalizedLength(utf8("a\n\nb\n\n"))).isEqualTo(4);
		assertThat(Checksums.normalizedLength(utf8(SOURCE))).isEqualTo(SOURCE.length() - 1);
		assertThat(Checksums.normalizedLength(utf8(""))).isZero();
		assertThat(Checksums.sha256(utf8(SOURCE), SOURCE)).isEqualTo(Checksums.sha256(SOURCE));
	}

	@Test
	void leavesEveryFileThatNormalizingWouldChangeToTheSlowPath() {
		for (String changed : new String[] { "a \nb", "a\r\nb", "a\rb", "\uFEFFa", "a\t", "a\n \n", "caf\u00e9\n",
				" \na", "a\u2003\nb" }) {
			assertThat(Checksums.normalizedLength(utf8(changed))).as(changed).isEqualTo(-1);
		}
	}

	/**
	 * The fast path over the bytes is only a shortcut: it always gives what normalizing
	 * the text gives.
	 */
	@Property(tries = 2000)
	void theChecksumOfTheBytesIsTheChecksumOfTheText(@ForAll("texts") String text) {
		assertThat(Checksums.sha256(utf8(text), text)).isEqualTo(Checksums.sha256(text));
	}

	@Provide
	Arbitrary<String> texts() {
		// line breaks of every kind, whitespace that trimming removes (ASCII and not),
		// characters it keeps
		return Arbitraries.strings()
			.withChars('a', 'Z', ';', '-', ' ', '\t', '\n', '\r', '\u000B', '\u001F', '\uFEFF', '\u00e9', '\u00A0',
					'\u2003', '\u3000', '\u007F', '\u0001')
			.ofMaxLength(40);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
