package dev.migration.internal.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migration.internal.revision.SqlStatement;

/**
 * Splits SQL text into statements on {@code ;}, the way PostgreSQL's and SQLite's own shells do. A semicolon does not
 * separate inside string literals ({@code '...'} with {@code ''}, PostgreSQL {@code E'...'} with backslash escapes),
 * quoted identifiers ({@code "..."}, {@code `...`}, {@code [...]}), comments ({@code --} and nested
 * {@code /* *}{@code /}), PostgreSQL dollar quotes ({@code $$...$$}, {@code $tag$...$tag$}), SQLite
 * {@code CREATE TRIGGER ... BEGIN ... END} bodies and PostgreSQL {@code BEGIN ATOMIC ... END} routine bodies.
 * <p>
 * One pass over the text without regular expressions, so a megabyte of SQL splits in milliseconds.
 */
public final class StatementSplitter {

	private final String text;

	private final int length;

	private int position;

	private StatementKind statementKind = StatementKind.UNKNOWN;

	/** The open body plus its open {@code CASE} expressions; no split while above zero. */
	private int blockDepth;

	/** A routine saw {@code BEGIN}; only a following {@code ATOMIC} opens a body. */
	private boolean awaitingAtomic;

	private StatementSplitter(String text) {
		this.text = text;
		this.length = text.length();
	}

	/**
	 * The raw pieces of the text between separating semicolons: joining their texts with {@code ;} gives the text
	 * back. The last chunk is whatever follows the last separator, possibly empty.
	 * @param text the SQL text
	 * @return the chunks, at least one
	 */
	public static List<Chunk> chunks(String text) {
		return new StatementSplitter(text).split();
	}

	/**
	 * The statements of the text, trimmed, without their separators and without the chunks that hold nothing but
	 * whitespace and comments. Comments inside a statement are kept.
	 * @param text the SQL text
	 * @param firstLine the line number of the text's first character in its file
	 * @return the statements, each with the line of its first character that is neither whitespace nor comment
	 */
	public static List<SqlStatement> statements(String text, int firstLine) {
		List<SqlStatement> statements = new ArrayList<>();
		LineCounter lines = new LineCounter(text, firstLine);
		for (Chunk chunk : chunks(text)) {
			int codeStart = firstCodeCharacter(text, chunk.start(), chunk.end());
			if (codeStart >= 0) {
				statements.add(new SqlStatement(chunk.text().strip(), lines.lineAt(codeStart)));
			}
		}
		return statements;
	}

	/**
	 * The statement's first word after whitespace and comments, in lower case: its command ({@code create},
	 * {@code select}, ...), or an empty string when it starts with something else.
	 */
	public static String firstWord(String statement) {
		int start = firstCodeCharacter(statement, 0, statement.length());
		if (start < 0) {
			return "";
		}
		int end = start;
		while (end < statement.length() && Character.isLetter(statement.charAt(end))) {
			end++;
		}
		return statement.substring(start, end).toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether {@link #statements} would find a statement in {@code text[start, end)}, without splitting: anything but
	 * whitespace, comments and semicolons is part of one.
	 */
	static boolean hasStatements(String text, int start, int end) {
		int position = start;
		while (true) {
			int code = firstCodeCharacter(text, position, end);
			if (code < 0) {
				return false;
			}
			if (text.charAt(code) != ';') {
				return true;
			}
			position = code + 1;
		}
	}

	private List<Chunk> split() {
		List<Chunk> chunks = new ArrayList<>();
		int chunkStart = 0;
		while (this.position < this.length) {
			char current = this.text.charAt(this.position);
			if (current == ';' && this.blockDepth == 0) {
				chunks.add(chunk(chunkStart, this.position));
				this.position++;
				chunkStart = this.position;
				startStatement();
			}
			else if (current == '\'') {
				skipQuoted('\'', true, false);
			}
			else if (current == '"') {
				skipQuoted('"', true, false);
			}
			else if (current == '`') {
				skipQuoted('`', true, false);
			}
			else if (current == '[') {
				// SQLite's bracket identifiers have no escape: the first ']' ends them
				skipQuoted(']', false, false);
			}
			else if (current == '-' && startsWith("--")) {
				skipLineComment();
			}
			else if (current == '/' && startsWith("/*")) {
				this.position = endOfBlockComment(this.text, this.position, this.length);
			}
			else if (current == '$') {
				skipDollar();
			}
			else if (isIdentifierStart(current)) {
				skipWord();
			}
			else {
				this.position++;
			}
		}
		chunks.add(chunk(chunkStart, this.length));
		return chunks;
	}

	private Chunk chunk(int start, int end) {
		return new Chunk(this.text.substring(start, end), start, end);
	}

	private void startStatement() {
		this.statementKind = StatementKind.UNKNOWN;
		this.blockDepth = 0;
		this.awaitingAtomic = false;
	}

	private boolean startsWith(String prefix) {
		return this.text.startsWith(prefix, this.position);
	}

	/** Skips from an opening quote to just after its closing quote, or to the end when it is never closed. */
	private void skipQuoted(char closing, boolean doubledClosingEscapes, boolean backslashEscapes) {
		this.position++;
		while (this.position < this.length) {
			char current = this.text.charAt(this.position);
			if (backslashEscapes && current == '\\') {
				this.position += 2;
			}
			else if (current == closing) {
				this.position++;
				if (!doubledClosingEscapes || this.position >= this.length
						|| this.text.charAt(this.position) != closing) {
					return;
				}
				this.position++;
			}
			else {
				this.position++;
			}
		}
		this.position = this.length;
	}

	private void skipLineComment() {
		this.position = endOfLineComment(this.text, this.position, this.length);
	}

	/**
	 * A {@code $} opens a dollar quote only when a tag (possibly empty) and a second {@code $} follow: {@code $1} is a
	 * parameter, {@code $name} a SQLite parameter.
	 */
	private void skipDollar() {
		int tagEnd = this.position + 1;
		if (tagEnd < this.length && isTagStart(this.text.charAt(tagEnd))) {
			tagEnd++;
			while (tagEnd < this.length && isTagPart(this.text.charAt(tagEnd))) {
				tagEnd++;
			}
		}
		if (tagEnd < this.length && this.text.charAt(tagEnd) == '$') {
			String delimiter = this.text.substring(this.position, tagEnd + 1);
			int closing = this.text.indexOf(delimiter, tagEnd + 1);
			this.position = (closing >= 0) ? closing + delimiter.length() : this.length;
			return;
		}
		this.position++;
		while (this.position < this.length && isIdentifierPart(this.text.charAt(this.position))) {
			this.position++;
		}
	}

	private void skipWord() {
		int start = this.position;
		while (this.position < this.length && isIdentifierPart(this.text.charAt(this.position))) {
			this.position++;
		}
		if (this.position - start == 1 && (this.text.charAt(start) == 'E' || this.text.charAt(start) == 'e')
				&& this.position < this.length && this.text.charAt(this.position) == '\'') {
			skipQuoted('\'', true, true);
			return;
		}
		if (Character.isLetter(this.text.charAt(start))) {
			keyword(start, this.position);
		}
	}

	/** Follows just enough of the statement's words to know where a trigger or routine body starts and ends. */
	private void keyword(int start, int end) {
		if (this.blockDepth > 0) {
			// CASE ... END nests inside a body; BEGIN does not, and SQLite even accepts it as a column name
			if (isWord(start, end, "CASE")) {
				this.blockDepth++;
			}
			else if (isWord(start, end, "END")) {
				this.blockDepth--;
			}
			return;
		}
		if (this.awaitingAtomic) {
			this.awaitingAtomic = false;
			if (isWord(start, end, "ATOMIC")) {
				this.blockDepth = 1;
			}
			return;
		}
		switch (this.statementKind) {
			case UNKNOWN -> this.statementKind = isWord(start, end, "CREATE") ? StatementKind.CREATE : StatementKind.OTHER;
			case CREATE -> this.statementKind = createdObject(start, end);
			case TRIGGER -> {
				if (isWord(start, end, "BEGIN")) {
					this.blockDepth = 1;
				}
			}
			case ROUTINE -> this.awaitingAtomic = isWord(start, end, "BEGIN");
			case OTHER -> {
			}
		}
	}

	private StatementKind createdObject(int start, int end) {
		if (isWord(start, end, "OR") || isWord(start, end, "REPLACE") || isWord(start, end, "TEMP")
				|| isWord(start, end, "TEMPORARY")) {
			return StatementKind.CREATE;
		}
		if (isWord(start, end, "TRIGGER")) {
			return StatementKind.TRIGGER;
		}
		if (isWord(start, end, "FUNCTION") || isWord(start, end, "PROCEDURE")) {
			return StatementKind.ROUTINE;
		}
		return StatementKind.OTHER;
	}

	private boolean isWord(int start, int end, String keyword) {
		return end - start == keyword.length() && this.text.regionMatches(true, start, keyword, 0, keyword.length());
	}

	/** The offset of the first character in the range that is neither whitespace nor comment, or -1. */
	private static int firstCodeCharacter(String text, int start, int end) {
		int position = start;
		while (position < end) {
			char current = text.charAt(position);
			if (Character.isWhitespace(current)) {
				position++;
			}
			else if (text.startsWith("--", position)) {
				position = endOfLineComment(text, position, end);
			}
			else if (text.startsWith("/*", position)) {
				position = endOfBlockComment(text, position, end);
			}
			else {
				return position;
			}
		}
		return -1;
	}

	private static int endOfLineComment(String text, int start, int end) {
		int position = start + 2;
		while (position < end && text.charAt(position) != '\n' && text.charAt(position) != '\r') {
			position++;
		}
		return position;
	}

	/** Block comments nest, as in PostgreSQL and the SQL standard. */
	private static int endOfBlockComment(String text, int start, int end) {
		int depth = 1;
		int position = start + 2;
		while (position < end) {
			if (text.startsWith("*/", position)) {
				position += 2;
				depth--;
				if (depth == 0) {
					return position;
				}
			}
			else if (text.startsWith("/*", position)) {
				position += 2;
				depth++;
			}
			else {
				position++;
			}
		}
		return end;
	}

	private static boolean isIdentifierStart(char character) {
		return Character.isLetterOrDigit(character) || character == '_';
	}

	/** PostgreSQL allows {@code $} inside identifiers, so {@code a$b$} is one word and opens no dollar quote. */
	private static boolean isIdentifierPart(char character) {
		return Character.isLetterOrDigit(character) || character == '_' || character == '$';
	}

	private static boolean isTagStart(char character) {
		return Character.isLetter(character) || character == '_';
	}

	private static boolean isTagPart(char character) {
		return Character.isLetterOrDigit(character) || character == '_';
	}

	/**
	 * A raw piece of the text between separators.
	 *
	 * @param text the piece, untrimmed
	 * @param start its offset in the text
	 * @param end the offset just after it: the separator's offset, or the text's length for the last chunk
	 */
	public record Chunk(String text, int start, int end) {

	}

	private enum StatementKind {

		/** No word seen yet. */
		UNKNOWN,

		/** {@code CREATE}, possibly followed by {@code OR REPLACE} or {@code TEMP}. */
		CREATE,

		/** {@code CREATE TRIGGER}: its {@code BEGIN ... END} body holds semicolons. */
		TRIGGER,

		/** {@code CREATE FUNCTION} or {@code PROCEDURE}: its {@code BEGIN ATOMIC ... END} body holds semicolons. */
		ROUTINE,

		/** Anything else: only quotes and comments protect its semicolons. */
		OTHER

	}

	/** Turns offsets into line numbers, for offsets asked in increasing order, in one pass over the text. */
	private static final class LineCounter {

		private final String text;

		private int offset;

		private int line;

		LineCounter(String text, int firstLine) {
			this.text = text;
			this.line = firstLine;
		}

		int lineAt(int target) {
			while (this.offset < target) {
				char current = this.text.charAt(this.offset);
				if (current == '\n' || (current == '\r' && (this.offset + 1 >= this.text.length()
						|| this.text.charAt(this.offset + 1) != '\n'))) {
					this.line++;
				}
				this.offset++;
			}
			return this.line;
		}

	}

}
