package dev.migration.internal.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migration.RevisionParseException;
import dev.migration.internal.revision.Revision;
import dev.migration.internal.revision.RevisionBody;
import dev.migration.internal.revision.SqlBody;

/**
 * Reads a SQL revision file: {@code -- key: value} header lines, then the
 * {@code -- upgrade} and {@code -- downgrade} sections.
 *
 * <pre>
 * -- revision: 3f1c2a9b7d10
 * -- down_revision: 9a8b7c6d5e4f
 * -- message: Add email verification
 *
 * -- upgrade
 * ALTER TABLE users ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT FALSE;
 *
 * -- downgrade
 * ALTER TABLE users DROP COLUMN email_verified;
 * </pre>
 */
public final class SqlRevisionParser {

	private static final List<String> KEYS = List.of("revision", "down_revision", "message", "created", "branch_labels",
			"depends_on", "transactional");

	private static final String UPGRADE = "upgrade";

	private static final String DOWNGRADE = "downgrade";

	private static final List<String> SECTIONS = List.of(UPGRADE, DOWNGRADE);

	private final String location;

	private final Map<String, Integer> keyLines = new HashMap<>();

	private String id;

	private List<String> downRevisions;

	private String message = "";

	private String created = "";

	private List<String> branchLabels = List.of();

	private List<String> dependsOn = List.of();

	private boolean transactional = true;

	private final Map<String, Section> sections = new HashMap<>();

	private SqlRevisionParser(String location) {
		this.location = location;
	}

	/**
	 * Parses one revision file.
	 * @param location where the content came from, used in the revision and in error
	 * messages
	 * @param content the file's content
	 * @return the revision; its downgrade is {@code null} when the file has no downgrade
	 * statements
	 * @throws RevisionParseException with the line and a fix when the file is malformed
	 */
	public static Revision parse(String location, String content) {
		return new SqlRevisionParser(location).parseContent(content, null);
	}

	/**
	 * The same for a file's bytes and their decoded text, which {@link Checksums} can
	 * often hash as they are.
	 */
	static Revision parse(String location, byte[] utf8, String content) {
		return new SqlRevisionParser(location).parseContent(content, utf8);
	}

	private Revision parseContent(String content, byte[] utf8) {
		String text = normalizeLineEndings(content);
		int headerEndLine = readLines(text);
		if (this.id == null) {
			throw missing(headerEndLine, "revision", "add '-- revision: <id>' to the header");
		}
		if (this.downRevisions == null) {
			throw missing(headerEndLine, "down_revision",
					"add '-- down_revision: <id>' to the header, or '-- down_revision: none' for a first revision");
		}
		Section upgrade = this.sections.get(UPGRADE);
		if (upgrade == null) {
			throw new RevisionParseException(this.location, headerEndLine,
					"no '-- upgrade' section: put a line '-- upgrade' after the header, followed by the upgrade's SQL");
		}
		Section downgrade = this.sections.get(DOWNGRADE);
		SqlBody upgradeBody = upgrade.body(this.location, text);
		// no downgrade statements is how a file says it cannot be reverted, unless its
		// upgrade changes nothing
		// either (a merge revision): there is nothing to undo
		RevisionBody downgradeBody = (downgrade != null && downgrade.hasStatements(text))
				? downgrade.body(this.location, text) : !upgrade.hasStatements(text) ? SqlBody.EMPTY : null;
		return new Revision(this.id, this.downRevisions, this.dependsOn, this.branchLabels, this.message, this.created,
				this.transactional, (utf8 != null) ? Checksums.sha256(utf8, content) : Checksums.sha256(content),
				this.location, upgradeBody, downgradeBody);
	}

	/**
	 * Reads header and section markers; returns the line where the header ended, for
	 * errors about what it lacks.
	 */
	private int readLines(String text) {
		int headerEndLine = 0;
		Section openSection = null;
		int lineNumber = 0;
		int lineStart = 0;
		while (true) {
			int lineEnd = text.indexOf('\n', lineStart);
			lineEnd = (lineEnd >= 0) ? lineEnd : text.length();
			lineNumber++;
			String sectionName = sectionMarker(text, lineStart, lineEnd);
			if (sectionName != null) {
				if (openSection != null) {
					openSection.end = lineStart;
				}
				else {
					headerEndLine = lineNumber;
				}
				openSection = openSection(sectionName, lineNumber, Math.min(lineEnd + 1, text.length()));
			}
			else if (openSection == null) {
				readHeaderLine(text.substring(lineStart, lineEnd), lineNumber);
			}
			if (lineEnd == text.length()) {
				break;
			}
			lineStart = lineEnd + 1;
		}
		if (openSection != null) {
			openSection.end = text.length();
		}
		if (headerEndLine > 0) {
			return headerEndLine;
		}
		// the empty text after a final line break is no line of its own
		return (text.endsWith("\n") && lineNumber > 1) ? lineNumber - 1 : lineNumber;
	}

	/**
	 * {@code upgrade} or {@code downgrade} for a line {@code -- upgrade} (any case, any
	 * spaces around), else {@code null}. Plain scans rather than regular expressions:
	 * they run for every line of every file at every start.
	 */
	private static String sectionMarker(String text, int lineStart, int lineEnd) {
		int first = skipWhitespace(text, lineStart, lineEnd);
		// the cheap test first: most lines of a large file are SQL, not comments
		if (!text.startsWith("--", first)) {
			return null;
		}
		int wordStart = skipWhitespace(text, first + 2, lineEnd);
		for (String name : SECTIONS) {
			int wordEnd = wordStart + name.length();
			if (wordEnd <= lineEnd && text.regionMatches(true, wordStart, name, 0, name.length())
					&& skipWhitespace(text, wordEnd, lineEnd) == lineEnd) {
				return name;
			}
		}
		return null;
	}

	/**
	 * Whether the parser takes this line (without its line break) for a section marker.
	 */
	static boolean isSectionMarker(String line) {
		return sectionMarker(line, 0, line.length()) != null;
	}

	private static int skipWhitespace(String text, int start, int end) {
		int position = start;
		while (position < end && Character.isWhitespace(text.charAt(position))) {
			position++;
		}
		return position;
	}

	private Section openSection(String name, int lineNumber, int contentStart) {
		Section previous = this.sections.get(name);
		if (previous != null) {
			throw new RevisionParseException(this.location, lineNumber, "section '-- " + name
					+ "' given twice (first at line " + previous.markerLine + "): merge both into the first one");
		}
		Section section = new Section(lineNumber, contentStart);
		this.sections.put(name, section);
		return section;
	}

	private void readHeaderLine(String line, int lineNumber) {
		String stripped = line.strip();
		if (stripped.isEmpty()) {
			return;
		}
		if (!stripped.startsWith("--")) {
			throw new RevisionParseException(this.location, lineNumber,
					"SQL before the first section marker: put a line '-- upgrade' before the upgrade's statements "
							+ "(only '-- key: value' header lines and comments may come before it)");
		}
		// "-- key: value", the key a letter then letters, digits, '_' or '-'; any other
		// comment is a comment
		int keyStart = skipWhitespace(stripped, 2, stripped.length());
		int keyEnd = keyStart;
		while (keyEnd < stripped.length() && isKeyCharacter(stripped.charAt(keyEnd), keyEnd == keyStart)) {
			keyEnd++;
		}
		int colon = skipWhitespace(stripped, keyEnd, stripped.length());
		if (keyEnd > keyStart && colon < stripped.length() && stripped.charAt(colon) == ':') {
			readHeader(stripped.substring(keyStart, keyEnd).toLowerCase(Locale.ROOT),
					stripped.substring(colon + 1).strip(), lineNumber);
		}
	}

	private static boolean isKeyCharacter(char character, boolean first) {
		boolean letter = (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z');
		return letter || (!first && ((character >= '0' && character <= '9') || character == '_' || character == '-'));
	}

	private void readHeader(String key, String value, int lineNumber) {
		if (!KEYS.contains(key)) {
			throw new RevisionParseException(this.location, lineNumber,
					"unknown header key '" + key + "' (known: " + String.join(", ", KEYS) + ")");
		}
		Integer firstLine = this.keyLines.putIfAbsent(key, lineNumber);
		if (firstLine != null) {
			throw new RevisionParseException(this.location, lineNumber,
					"header key '" + key + "' given twice (first at line " + firstLine + "): keep one");
		}
		switch (key) {
			case "revision" -> this.id = RevisionIdentifiers.requireId(this.location, lineNumber, key, value);
			case "down_revision" -> this.downRevisions = readDownRevisions(value, lineNumber);
			case "message" -> this.message = value;
			case "created" -> this.created = value;
			case "branch_labels" ->
				this.branchLabels = RevisionIdentifiers.requireLabels(this.location, lineNumber, commaSeparated(value));
			case "depends_on" ->
				this.dependsOn = RevisionIdentifiers.requireIds(this.location, lineNumber, key, commaSeparated(value));
			case "transactional" -> this.transactional = readBoolean(key, value, lineNumber);
			default -> throw new IllegalStateException("Unhandled header key " + key);
		}
	}

	private List<String> readDownRevisions(String value, int lineNumber) {
		if (value.equalsIgnoreCase("none")) {
			return List.of();
		}
		if (value.isEmpty()) {
			throw new RevisionParseException(this.location, lineNumber,
					"down_revision is empty: write 'none' for a first revision, or the ids it follows separated by "
							+ "commas");
		}
		List<String> ids = commaSeparated(value);
		if (ids.stream().anyMatch("none"::equalsIgnoreCase)) {
			throw new RevisionParseException(this.location, lineNumber,
					"down_revision mixes 'none' with ids: write either 'none' alone or only ids");
		}
		return RevisionIdentifiers.requireIds(this.location, lineNumber, "down_revision", ids);
	}

	private boolean readBoolean(String key, String value, int lineNumber) {
		if (value.equalsIgnoreCase("true")) {
			return true;
		}
		if (value.equalsIgnoreCase("false")) {
			return false;
		}
		throw new RevisionParseException(this.location, lineNumber,
				key + " must be 'true' or 'false', not '" + value + "'");
	}

	/** Empty items are dropped, so a trailing comma or an empty value mean nothing. */
	private static List<String> commaSeparated(String value) {
		List<String> items = new ArrayList<>();
		for (String item : value.split(",")) {
			String stripped = item.strip();
			if (!stripped.isEmpty()) {
				items.add(stripped);
			}
		}
		return items;
	}

	private RevisionParseException missing(int lineNumber, String key, String fix) {
		return new RevisionParseException(this.location, lineNumber, "header key '" + key + "' is missing: " + fix);
	}

	/**
	 * Statement lines must be the file's own, so a BOM goes and CR LF and lone CR count
	 * as one line break.
	 */
	private static String normalizeLineEndings(String content) {
		String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
		return (text.indexOf('\r') >= 0) ? text.replace("\r\n", "\n").replace('\r', '\n') : text;
	}

	private static final class Section {

		private final int markerLine;

		private final int contentStart;

		private int end;

		Section(int markerLine, int contentStart) {
			this.markerLine = markerLine;
			this.contentStart = contentStart;
		}

		boolean hasStatements(String text) {
			return StatementSplitter.hasStatements(text, this.contentStart, contentEnd());
		}

		SqlBody body(String location, String text) {
			return SqlBody.of(location, text.substring(this.contentStart, contentEnd()), this.markerLine + 1);
		}

		private int contentEnd() {
			return Math.max(this.contentStart, this.end);
		}

	}

}
