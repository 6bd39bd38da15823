package dev.migration.internal.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksumsTests {

	private static final String SOURCE = "-- revision: r1\n-- down_revision: none\n-- upgrade\n"
			+ "\tCREATE TABLE t (id INT);\n";

	@Test
	void isTheSha256OfTheNormalizedSourceInLowercaseHex() {
		// echo -n 'abc' | sha256sum
		assertThat(Checksums.sha256("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void ignoresLineEndings() {
		assertThat(Checksums.sha256(SOURCE.replace("\n", "\r\n"))).isEqualTo(Checksums.sha256(SOURCE));
		assertThat(Checksums.sha256(SOURCE.replace("\n", "\r"))).isEqualTo(Checksums.sha256(SOURCE));
	}

	@Test
	void ignoresTrailingWhitespaceOfLines() {
		assertThat(Checksums.sha256(SOURCE.replace("\n", " \t \n"))).isEqualTo(Checksums.sha256(SOURCE));
	}

	@Test
	void ignoresTrailingBlankLinesAndAMissingFinalLineBreak() {
		assertThat(Checksums.sha256(SOURCE + "\n  \n\n")).isEqualTo(Checksums.sha256(SOURCE));
		assertThat(Checksums.sha256(SOURCE.strip())).isEqualTo(Checksums.sha256(SOURCE));
	}

	@Test
	void ignoresAByteOrderMark() {
		assertThat(Checksums.sha256("\uFEFF" + SOURCE)).isEqualTo(Checksums.sha256(SOURCE));
	}

	@Test
	void changesWhenOneCharacterChanges() {
		assertThat(Checksums.sha256(SOURCE.replace("id INT", "id INU"))).isNotEqualTo(Checksums.sha256(SOURCE));
	}

	@Test
	void changesWhenLeadingIndentationChanges() {
		assertThat(Checksums.sha256(SOURCE.replace("\tCREATE", "CREATE"))).isNotEqualTo(Checksums.sha256(SOURCE));
	}

	@Test
	void changesWhenABlankLineIsAddedInside() {
		assertThat(Checksums.sha256(SOURCE.replace("-- upgrade\n", "-- upgrade\n\n")))
			.isNotEqualTo(Checksums.sha256(SOURCE));
	}

	@Test
	void changesWhenLeadingBlankLinesAreAdded() {
		assertThat(Checksums.sha256("\n" + SOURCE)).isNotEqualTo(Checksums.sha256(SOURCE));
	}

	@Test
	void normalizesToLinesJoinedByLineFeeds() {
		assertThat(Checksums.normalize("\uFEFFa  \r\nb\rc\t\n\n \n")).isEqualTo("a\nb\nc");
	}

}
