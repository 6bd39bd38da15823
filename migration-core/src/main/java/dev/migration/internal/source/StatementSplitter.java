package dev.migration.internal.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migration.RevisionParseException;
import dev.migration.internal.revision.SqlStatement;

/**
 * Splits SQL text into statements on {@code ;} the way the database that runs it reads
 * the text: PostgreSQL as {@code psql} does, SQLite as {@code sqlite3_complete} does (see
 * {@link SqlSyntax}). A semicolon does not separate inside string literals, quoted
 * identifiers, comments, PostgreSQL dollar quotes, parentheses and
 * {@code BEGIN ATOMIC ... END} routine bodies, or SQLite
 * {@code CREATE TRIGGER ... BEGIN ... END} bodies.
 * <p>
 * Nothing is dropped: a comment, string, quoted identifier, dollar quote, parenthesis or
 * body that the text never closes is an error naming the line where it opened, where the
 * database or its shell would silently take the rest of the text into it (an unclosed
 * SQLite comment ends the input) or fail far from the cause.
 * <p>
 * One pass over the text without regular expressions, so a megabyte of SQL splits in
 * milliseconds.
 */
public final class StatementSplitter {

	/**
	 * sqlite3_complete's states: START after a separator, TRIGGER inside a trigger body,
	 * SEMI and END its ending.
	 */
	private static final int START = 1;

	private static final int CREATE = 4;

	private static final int TRIGGER = 5;

	private static final int SEMI = 6;

	private static final int END = 7;

	/** sqlite3_complete's token classes, the columns of {@link #SQLITE_TRANSITIONS}. */
	private static final int TOKEN_SEMI = 0;

	private static final int TOKEN_OTHER = 2;

	private static final int TOKEN_EXPLAIN = 3;

	private static final int TOKEN_CREATE = 4;

	private static final int TOKEN_TEMP = 5;

	private static final int TOKEN_TRIGGER = 6;

	private static final int TOKEN_END = 7;

	/**
	 * Copied from SQLite's complete.c: a trigger body ends at {@code ;}, {@code END},
	 * {@code ;}.
	 */
	private static final int[][] SQLITE_TRANSITIONS = {
			/* SEMI WS OTHER EXPLAIN CREATE TEMP TRIGGER END */
			/* 0 INVALID: */ { 1, 0, 2, 3, 4, 2, 2, 2 }, /* 1 START: */ { 1, 1, 2, 3, 4, 2, 2, 2 },
			/* 2 NORMAL: */ { 1, 2, 2, 2, 2, 2, 2, 2 }, /* 3 EXPLAIN: */ { 1, 3, 3, 2, 4, 2, 2, 2 },
			/* 4 CREATE: */ { 1, 4, 2, 2, 2, 4, 5, 2 }, /* 5 TRIGGER: */ { 6, 5, 5, 5, 5, 5, 5, 5 },
			/* 6 SEMI: */ { 6, 6, 5, 5, 5, 5, 5, 7 }, /* 7 END: */ { 1, 7, 5, 5, 5, 5, 5, 5 } };

	private final SqlSyntax syntax;

	private final String text;

	private final int length;

	private int position;

	/** Where the construct that the text never closes opened, or -1. */
	private int unterminatedAt = -1;

	private String unterminatedProblem;

	private StatementKind statementKind = StatementKind.UNKNOWN;

	/**
	 * PostgreSQL: the open routine body plus its open {@code CASE} expressions; no split
	 * while above zero.
	 */
	private int blockDepth;

	private int blockStart;

	/**
	 * PostgreSQL: a routine saw {@code BEGIN}; only a following {@code ATOMIC} opens a
	 * body.
	 */
	private boolean awaitingAtomic;

	/**
	 * PostgreSQL: open parentheses; {@code psql} does not split inside them (a rule's
	 * actions are listed so).
	 */
	private int parenDepth;

	private int parenStart;

	private int sqliteState = START;

	private int createStart;

	private StatementSplitter(SqlSyntax syntax, String text) {
		this.syntax = syntax;
		this.text = text;
		this.length = text.length();
	}

	/**
	 * The raw pieces of the text between separating semicolons: joining their texts with
	 * {@code ;} gives the text back. The last chunk is whatever follows the last
	 * separator, possibly empty; when the text leaves something open, it runs to the end
	 * (only {@link #statements} refuses that).
	 * @param syntax how the database reads the text
	 * @param text the SQL text
	 * @return the chunks, at least one
	 */
	public static List<Chunk> chunks(SqlSyntax syntax, String text) {
		return new StatementSplitter(syntax, text).split();
	}

	/**
	 * The statements of the text, trimmed, without their separators and without the
	 * chunks that hold nothing but whitespace and comments. Comments inside a statement
	 * are kept, and so is the text after the last separator.
	 * @param syntax how the database reads the text
	 * @param location the file the text is from, for the error
	 * @param text the SQL text
	 * @param firstLine the line number of the text's first character in its file
	 * @return the statements, each with the line of its first character that is neither
	 * whitespace nor comment
	 * @throws RevisionParseException naming the line where a comment, string, quoted
	 * identifier, dollar quote, parenthesis or body opened that the text never closes
	 */
	public static List<SqlStatement> statements(SqlSyntax syntax, String location, String text, int firstLine) {
		StatementSplitter splitter = new StatementSplitter(syntax, text);
		List<Chunk> chunks = splitter.split();
		if (splitter.unterminatedAt >= 0) {
			throw new RevisionParseException(location, new LineCounter(text, firstLine).lineAt(splitter.unterminatedAt),
					splitter.unterminatedProblem);
		}
		List<SqlStatement> statements = new ArrayList<>();
		LineCounter lines = new LineCounter(text, firstLine);
		for (Chunk chunk : chunks) {
			int codeStart = firstCodeCharacter(syntax, text, chunk.start(), chunk.end());
			if (codeStart >= 0) {
				statements.add(new SqlStatement(chunk.text().strip(), lines.lineAt(codeStart)));
			}
		}
		return statements;
	}

	/**
	 * The statement's first word after whitespace and comments, in lower case: its
	 * command ({@code create}, {@code select}, ...), or an empty string when it starts
	 * with something else.
	 */
	public static String firstWord(SqlSyntax syntax, String statement) {
		int start = firstCodeCharacter(syntax, statement, 0, statement.length());
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
	 * Whether either database would find a statement in {@code text[start, end)}, or
	 * something it never closes, without splitting: anything but whitespace, comments and
	 * semicolons. Files are parsed before the database is known, and a section that holds
	 * something for one database is not empty.
	 */
	static boolean hasStatements(String text, int start, int end) {
		return hasStatements(SqlSyntax.POSTGRESQL, text, start, end)
				|| hasStatements(SqlSyntax.SQLITE, text, start, end);
	}

	/**
	 * Whether {@link #statements} would find a statement in {@code text[start, end)} or
	 * refuse it, without splitting.
	 */
	static boolean hasStatements(SqlSyntax syntax, String text, int start, int end) {
		int position = start;
		while (true) {
			int code = firstCodeCharacter(syntax, text, position, end);
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
			if (current == ';') {
				if (separates()) {
					chunks.add(chunk(chunkStart, this.position));
					chunkStart = this.position + 1;
					startStatement();
				}
				this.position++;
			}
			else if (Character.isWhitespace(current)) {
				this.position++;
			}
			else if (current == '-' && startsWith("--")) {
				this.position = endOfLineComment(this.text, this.position, this.length);
			}
			else if (current == '/' && startsWith("/*")) {
				skipBlockComment();
			}
			else if (this.syntax == SqlSyntax.POSTGRESQL) {
				postgresToken(current);
			}
			else {
				sqliteToken(current);
			}
		}
		chunks.add(chunk(chunkStart, this.length));
		checkClosed();
		return chunks;
	}

	private Chunk chunk(int start, int end) {
		return new Chunk(this.text.substring(start, end), start, end);
	}

	/**
	 * Whether the semicolon at the position ends the statement; inside a SQLite trigger
	 * it moves the body on.
	 */
	private boolean separates() {
		if (this.syntax == SqlSyntax.POSTGRESQL) {
			return this.parenDepth == 0 && this.blockDepth == 0;
		}
		boolean separates = this.sqliteState != TRIGGER && this.sqliteState != SEMI;
		this.sqliteState = SQLITE_TRANSITIONS[this.sqliteState][TOKEN_SEMI];
		return separates;
	}

	private void startStatement() {
		this.statementKind = StatementKind.UNKNOWN;
		this.blockDepth = 0;
		this.awaitingAtomic = false;
		this.parenDepth = 0;
		this.sqliteState = START;
	}

	private boolean startsWith(String prefix) {
		return this.text.startsWith(prefix, this.position);
	}

	private void postgresToken(char current) {
		if (isIdentifierStart(current)) {
			postgresWord();
			return;
		}
		int start = this.position;
		if (current == '\'') {
			skipQuoted('\'', false, "string literal", "'", "(write '' for a quote inside it)");
		}
		else if (current == '"') {
			skipQuoted('"', false, "quoted identifier", "\"", "(write \"\" for a quote inside it)");
		}
		else if (current == '$') {
			skipDollar();
		}
		else {
			if (current == '(') {
				if (this.parenDepth++ == 0) {
					this.parenStart = start;
				}
			}
			else if (current == ')' && this.parenDepth > 0) {
				this.parenDepth--;
			}
			this.position++;
		}
		this.awaitingAtomic = false;
		if (this.statementKind == StatementKind.UNKNOWN || this.statementKind == StatementKind.CREATE) {
			this.statementKind = StatementKind.OTHER;
		}
	}

	private void sqliteToken(char current) {
		int start = this.position;
		int token = TOKEN_OTHER;
		if (current == '\'') {
			skipQuoted('\'', false, "string literal", "'", "(write '' for a quote inside it)");
		}
		else if (current == '"') {
			skipQuoted('"', false, "quoted identifier", "\"", "(write \"\" for a quote inside it)");
		}
		else if (current == '`') {
			skipQuoted('`', false, "quoted identifier", "`", "(write `` for a backtick inside it)");
		}
		else if (current == '[') {
			// SQLite's bracket identifiers have no escape: the first ']' ends them
			skipQuoted(']', false, "quoted identifier", "]", "(a bracket identifier cannot hold ']')");
		}
		else if (isSqliteIdentifierCharacter(current)) {
			while (this.position < this.length && isSqliteIdentifierCharacter(this.text.charAt(this.position))) {
				this.position++;
			}
			token = sqliteKeyword(start, this.position);
		}
		else {
			this.position++;
		}
		int next = SQLITE_TRANSITIONS[this.sqliteState][token];
		if (next == CREATE && this.sqliteState != CREATE) {
			this.createStart = start;
		}
		this.sqliteState = next;
	}

	private int sqliteKeyword(int start, int end) {
		if (isWord(start, end, "CREATE")) {
			return TOKEN_CREATE;
		}
		if (isWord(start, end, "TEMP") || isWord(start, end, "TEMPORARY")) {
			return TOKEN_TEMP;
		}
		if (isWord(start, end, "TRIGGER")) {
			return TOKEN_TRIGGER;
		}
		if (isWord(start, end, "END")) {
			return TOKEN_END;
		}
		return isWord(start, end, "EXPLAIN") ? TOKEN_EXPLAIN : TOKEN_OTHER;
	}

	/**
	 * Skips from an opening quote to just past its closing quote; records it unterminated
	 * if the text ends first.
	 */
	private void skipQuoted(char closing, boolean backslashEscapes, String what, String quote, String hint) {
		int start = this.position;
		this.position++;
		while (this.position < this.length) {
			char current = this.text.charAt(this.position);
			if (backslashEscapes && current == '\\') {
				this.position += 2;
			}
			else {
				this.position++;
				// a doubled quote stands for one inside the text ('it''s'), in E'...' too
				if (current == closing && (this.position >= this.length || this.text.charAt(this.position) != closing
						|| closing == ']')) {
					return;
				}
				if (current == closing) {
					this.position++;
				}
			}
		}
		this.position = this.length;
		unterminated(start, "unterminated " + what + ": the " + quote + " opened here is never closed; end it with "
				+ quote + " " + hint);
	}

	private void skipBlockComment() {
		int start = this.position;
		this.position = endOfBlockComment(this.syntax, this.text, this.position, this.length);
		if (this.position < 0) {
			this.position = this.length;
			unterminated(start,
					"unterminated block comment: the /* opened here is never closed; close it with */"
							+ ((this.syntax == SqlSyntax.POSTGRESQL)
									? " (PostgreSQL comments nest: every /* inside a comment, as in 'data/*.csv', opens"
											+ " one more that needs its own */)"
									: ""));
		}
	}

	/**
	 * A {@code $} opens a dollar quote only when a tag (possibly empty) and a second
	 * {@code $} follow: {@code $1} is a parameter.
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
			if (closing < 0) {
				unterminated(this.position, "unterminated dollar quote: the " + delimiter
						+ " opened here is never closed; end the quoted text with " + delimiter);
				this.position = this.length;
				return;
			}
			this.position = closing + delimiter.length();
			return;
		}
		this.position++;
		while (this.position < this.length && isIdentifierPart(this.text.charAt(this.position))) {
			this.position++;
		}
	}

	private void postgresWord() {
		int start = this.position;
		while (this.position < this.length && isIdentifierPart(this.text.charAt(this.position))) {
			this.position++;
		}
		if (this.position - start == 1 && (this.text.charAt(start) == 'E' || this.text.charAt(start) == 'e')
				&& this.position < this.length && this.text.charAt(this.position) == '\'') {
			this.position = start + 1;
			skipQuoted('\'', true, "escape string", "E'",
					"(inside E'...' a backslash escapes the next character: \\' is a quote, not the end)");
			this.awaitingAtomic = false;
			return;
		}
		if (Character.isLetter(this.text.charAt(start))) {
			keyword(start, this.position);
		}
	}

	/**
	 * Follows just enough of the statement's words to know where a routine body starts
	 * and ends, as psql does.
	 */
	private void keyword(int start, int end) {
		if (this.blockDepth > 0) {
			// CASE ... END nests inside a body
			if (this.parenDepth == 0 && isWord(start, end, "CASE")) {
				this.blockDepth++;
			}
			else if (this.parenDepth == 0 && isWord(start, end, "END")) {
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
			case UNKNOWN ->
				this.statementKind = isWord(start, end, "CREATE") ? StatementKind.CREATE : StatementKind.OTHER;
			case CREATE -> this.statementKind = createdObject(start, end);
			case ROUTINE -> {
				if (this.parenDepth == 0 && isWord(start, end, "BEGIN")) {
					this.awaitingAtomic = true;
					this.blockStart = start;
				}
			}
			case OTHER -> {
			}
		}
	}

	private StatementKind createdObject(int start, int end) {
		if (isWord(start, end, "OR") || isWord(start, end, "REPLACE")) {
			return StatementKind.CREATE;
		}
		if (isWord(start, end, "FUNCTION") || isWord(start, end, "PROCEDURE")) {
			return StatementKind.ROUTINE;
		}
		return StatementKind.OTHER;
	}

	private boolean isWord(int start, int end, String keyword) {
		return end - start == keyword.length() && this.text.regionMatches(true, start, keyword, 0, keyword.length());
	}

	private void unterminated(int start, String problem) {
		if (this.unterminatedAt < 0) {
			this.unterminatedAt = start;
			this.unterminatedProblem = problem + excerpt(start);
		}
	}

	/**
	 * What the database would have to read past the end of the text: bodies and
	 * parentheses left open.
	 */
	private void checkClosed() {
		if (this.unterminatedAt >= 0) {
			return;
		}
		if (this.syntax == SqlSyntax.POSTGRESQL) {
			if (this.blockDepth > 0) {
				unterminated(this.blockStart, "unterminated routine body: the BEGIN ATOMIC opened here has no END; "
						+ "end the body with END (a CASE inside it needs its own END)");
			}
			else if (this.parenDepth > 0) {
				unterminated(this.parenStart, "unterminated parenthesis: the ( opened here is never closed, and "
						+ "PostgreSQL does not end a statement at a ';' inside parentheses; add the missing )");
			}
		}
		else if (this.sqliteState == TRIGGER || this.sqliteState == SEMI) {
			unterminated(this.createStart, "unterminated trigger: the CREATE TRIGGER here has no END closing its "
					+ "body; end each statement of the body with ';' and the body with END;");
		}
	}

	/** The text where the unterminated construct opens, to find it on a long line. */
	private String excerpt(int start) {
		int end = start;
		while (end < this.length && end - start < 40 && this.text.charAt(end) != '\n'
				&& this.text.charAt(end) != '\r') {
			end++;
		}
		boolean more = end < this.length && this.text.charAt(end) != '\n' && this.text.charAt(end) != '\r';
		return " (at: " + this.text.substring(start, end) + (more ? "..." : "") + ")";
	}

	/**
	 * The offset of the first character in the range that is neither whitespace nor
	 * comment, or -1. An unclosed block comment counts as such a character: it is no
	 * comment but an error.
	 */
	private static int firstCodeCharacter(SqlSyntax syntax, String text, int start, int end) {
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
				int commentEnd = endOfBlockComment(syntax, text, position, end);
				if (commentEnd < 0) {
					return position;
				}
				position = commentEnd;
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

	/**
	 * The offset just after the block comment that starts at {@code start}, or -1 when
	 * the range ends first. Comments nest in PostgreSQL (and the SQL standard); in SQLite
	 * the first {@code *}{@code /} ends one.
	 */
	private static int endOfBlockComment(SqlSyntax syntax, String text, int start, int end) {
		if (syntax == SqlSyntax.SQLITE) {
			int closing = text.indexOf("*/", start + 2);
			return (closing >= 0 && closing + 2 <= end) ? closing + 2 : -1;
		}
		int depth = 1;
		int position = start + 2;
		while (position < end - 1) {
			char current = text.charAt(position);
			if (current == '*' && text.charAt(position + 1) == '/') {
				position += 2;
				depth--;
				if (depth == 0) {
					return position;
				}
			}
			else if (current == '/' && text.charAt(position + 1) == '*') {
				position += 2;
				depth++;
			}
			else {
				position++;
			}
		}
		return -1;
	}

	private static boolean isIdentifierStart(char character) {
		return Character.isLetterOrDigit(character) || character == '_';
	}

	/**
	 * PostgreSQL allows {@code $} inside identifiers, so {@code a$b$} is one word and
	 * opens no dollar quote.
	 */
	private static boolean isIdentifierPart(char character) {
		return Character.isLetterOrDigit(character) || character == '_' || character == '$';
	}

	/**
	 * SQLite's {@code IdChar}: letters, digits, {@code _}, {@code $} and every character
	 * beyond ASCII.
	 */
	private static boolean isSqliteIdentifierCharacter(char character) {
		return Character.isLetterOrDigit(character) || character == '_' || character == '$' || character >= 0x80;
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
	 * @param end the offset just after it: the separator's offset, or the text's length
	 * for the last chunk
	 */
	public record Chunk(String text, int start, int end) {

	}

	private enum StatementKind {

		/** No token seen yet. */
		UNKNOWN,

		/** {@code CREATE}, possibly followed by {@code OR REPLACE}. */
		CREATE,

		/**
		 * {@code CREATE FUNCTION} or {@code PROCEDURE}: its {@code BEGIN ATOMIC ... END}
		 * body holds semicolons.
		 */
		ROUTINE,

		/**
		 * Anything else: only quotes, comments and parentheses protect its semicolons.
		 */
		OTHER

	}

	/**
	 * Turns offsets into line numbers, for offsets asked in increasing order, in one pass
	 * over the text.
	 */
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
				if (current == '\n' || (current == '\r'
						&& (this.offset + 1 >= this.text.length() || this.text.charAt(this.offset + 1) != '\n'))) {
					this.line++;
				}
				this.offset++;
			}
			return this.line;
		}

	}

}
