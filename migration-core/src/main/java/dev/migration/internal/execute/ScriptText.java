package dev.migration.internal.execute;

import dev.migration.internal.source.SqlSyntax;

/**
 * Statement text as it must be printed into a script that {@code psql} or the
 * {@code sqlite3} shell reads line by line, so that the program runs exactly the
 * statement the online command runs:
 * <ul>
 * <li>the terminating {@code ;} goes on a line of its own when the statement's last line
 * holds a {@code --} comment, which would otherwise swallow it (and glue the next
 * statement on);</li>
 * <li>psql: a {@code :} outside quotes and comments that precedes a name
 * ({@code tags[1:PORT]}) gets a space after it, because psql replaces {@code :NAME},
 * {@code :'NAME'} and {@code :"NAME"} by the value of a psql variable of that name (PORT,
 * HOST, USER, ... are always set); the space means nothing to PostgreSQL;</li>
 * <li>sqlite3: a line that is only {@code go} or {@code /} outside quotes and comments
 * ends the statement in the shell (SQL Server and Oracle habits it honours), so such a
 * line starts with an empty comment {@code /**}{@code /}.</li>
 * </ul>
 * Inside string literals, quoted identifiers, comments and dollar quotes nothing changes:
 * there the programs read text as the database does. What cannot be made safe, the
 * database refuses anyway: see {@link #clientCommand}.
 */
final class ScriptText {

	private final String text;

	private final StringBuilder out;

	private int position;

	/** A backslash outside quotes and comments: a psql command. */
	private boolean backslash;

	private ScriptText(String text) {
		this.text = text;
		this.out = new StringBuilder(text.length() + 8);
	}

	/**
	 * The statement with its terminating semicolon, ready to be followed by a line break.
	 */
	static String terminated(String statement, SqlSyntax syntax) {
		String body = statement.stripTrailing();
		body = (syntax == SqlSyntax.SQLITE) ? new ScriptText(body).sqlite() : new ScriptText(body).postgres();
		int lastLine = body.lastIndexOf('\n') + 1;
		return body + ((body.indexOf("--", lastLine) >= 0) ? "\n;" : ";");
	}

	/**
	 * What in the statement the client would run as one of its own commands instead of
	 * sending it to the database, or {@code null}: psql runs a backslash outside quotes
	 * and comments as a command ({@code \! rm ...} runs a shell), the sqlite3 shell a
	 * statement's first line that starts with {@code .} ({@code .system ...}) and skips
	 * one that starts with {@code #}. The database refuses such a statement, so the
	 * online command fails on it; printed, the client would run something else instead.
	 */
	static String clientCommand(String statement, SqlSyntax syntax) {
		if (syntax == SqlSyntax.SQLITE) {
			int code = firstCode(statement);
			boolean lineStart = code == 0 || (code > 0 && statement.charAt(code - 1) == '\n');
			if (code >= 0 && lineStart && (statement.charAt(code) == '.' || statement.charAt(code) == '#')) {
				return "a line that starts with '" + statement.charAt(code)
						+ "' before the statement's first word, which the sqlite3 shell reads as one of its own "
						+ "commands or a comment";
			}
			return null;
		}
		ScriptText scan = new ScriptText(statement.stripTrailing());
		scan.postgres();
		return scan.backslash ? "a backslash outside quotes and comments, which psql runs as one of its own commands"
				: null;
	}

	/**
	 * Text for a {@code --} comment line: line breaks and other control characters would
	 * end the comment.
	 */
	static String commentText(String text) {
		StringBuilder flat = new StringBuilder(text.length());
		text.codePoints()
			.forEach((character) -> flat
				.appendCodePoint((Character.isISOControl(character) || character == '\u2028' || character == '\u2029')
						? ' ' : character));
		return flat.toString();
	}

	private String postgres() {
		int length = this.text.length();
		while (this.position < length) {
			char current = this.text.charAt(this.position);
			if (current == '\'') {
				copyQuoted('\'', false);
			}
			else if (current == '"') {
				copyQuoted('"', false);
			}
			else if (current == '-' && this.text.startsWith("--", this.position)) {
				copyLineComment();
			}
			else if (current == '/' && this.text.startsWith("/*", this.position)) {
				copyBlockComment(true);
			}
			else if (current == '$' && dollarTagEnd() > 0) {
				copyDollarQuoted(dollarTagEnd());
			}
			else if (isWordPart(current)) {
				int start = this.position;
				while (this.position < length && isWordPart(this.text.charAt(this.position))) {
					this.position++;
				}
				this.out.append(this.text, start, this.position);
				boolean escapePrefix = this.position - start == 1
						&& (this.text.charAt(start) == 'E' || this.text.charAt(start) == 'e');
				if (escapePrefix && this.position < length && this.text.charAt(this.position) == '\'') {
					copyQuoted('\'', true);
				}
			}
			else if (current == '\\') {
				this.backslash = true;
				copy(1);
			}
			else if (current == ':') {
				if (this.text.startsWith("::", this.position)) {
					copy(2);
				}
				else {
					copy(1);
					if (this.position < length && startsPsqlVariable(this.text.charAt(this.position))) {
						this.out.append(' ');
					}
				}
			}
			else {
				copy(1);
			}
		}
		return this.out.toString();
	}

	private String sqlite() {
		int length = this.text.length();
		boolean lineStart = true;
		while (this.position < length) {
			if (lineStart && isShellTerminatorLine()) {
				this.out.append("/**/");
			}
			char current = this.text.charAt(this.position);
			lineStart = current == '\n';
			if (current == '\'' || current == '"' || current == '`') {
				copyQuoted(current, false);
			}
			else if (current == '[') {
				int close = this.text.indexOf(']', this.position);
				copy(((close < 0) ? length : close + 1) - this.position);
			}
			else if (current == '-' && this.text.startsWith("--", this.position)) {
				copyLineComment();
			}
			else if (current == '/' && this.text.startsWith("/*", this.position)) {
				copyBlockComment(false);
			}
			else {
				copy(1);
			}
		}
		return this.out.toString();
	}

	/**
	 * The offset of the first character that is neither whitespace nor in a comment
	 * (SQLite's), or -1.
	 */
	private static int firstCode(String text) {
		int position = 0;
		while (position < text.length()) {
			if (Character.isWhitespace(text.charAt(position))) {
				position++;
			}
			else if (text.startsWith("--", position)) {
				int end = text.indexOf('\n', position);
				position = (end < 0) ? text.length() : end;
			}
			else if (text.startsWith("/*", position)) {
				int end = text.indexOf("*/", position + 2);
				position = (end < 0) ? text.length() : end + 2;
			}
			else {
				return position;
			}
		}
		return -1;
	}

	/**
	 * What the sqlite3 shell takes for the end of a statement: {@code /} or {@code go},
	 * then only blanks.
	 */
	private boolean isShellTerminatorLine() {
		int end = this.text.indexOf('\n', this.position);
		String line = this.text.substring(this.position, (end < 0) ? this.text.length() : end).strip();
		String rest;
		if (line.startsWith("/") && !line.startsWith("/*")) {
			rest = line.substring(1);
		}
		else if (line.regionMatches(true, 0, "go", 0, 2)) {
			rest = line.substring(2);
		}
		else {
			return false;
		}
		// the shell counts comments as blanks there
		rest = rest.strip();
		return rest.isEmpty() || rest.startsWith("--") || rest.startsWith("/*");
	}

	private void copy(int count) {
		int end = Math.min(this.text.length(), this.position + count);
		this.out.append(this.text, this.position, end);
		this.position = end;
	}

	private void copyQuoted(char quote, boolean backslashEscapes) {
		int length = this.text.length();
		int end = this.position + 1;
		while (end < length) {
			char current = this.text.charAt(end);
			if (backslashEscapes && current == '\\') {
				end += 2;
			}
			else if (current == quote) {
				end++;
				if (end >= length || this.text.charAt(end) != quote) {
					break;
				}
				end++;
			}
			else {
				end++;
			}
		}
		copy(end - this.position);
	}

	private void copyLineComment() {
		int end = this.position + 2;
		while (end < this.text.length() && this.text.charAt(end) != '\n' && this.text.charAt(end) != '\r') {
			end++;
		}
		copy(end - this.position);
	}

	/** PostgreSQL nests block comments, SQLite does not. */
	private void copyBlockComment(boolean nested) {
		int depth = 1;
		int end = this.position + 2;
		while (end < this.text.length() && depth > 0) {
			if (this.text.startsWith("*/", end)) {
				depth--;
				end += 2;
			}
			else if (nested && this.text.startsWith("/*", end)) {
				depth++;
				end += 2;
			}
			else {
				end++;
			}
		}
		copy(end - this.position);
	}

	/**
	 * The offset after the opening {@code $tag$} at the position, or -1 when it opens no
	 * dollar quote.
	 */
	private int dollarTagEnd() {
		int end = this.position + 1;
		if (end < this.text.length() && !Character.isDigit(this.text.charAt(end))) {
			while (end < this.text.length() && isWordPart(this.text.charAt(end)) && this.text.charAt(end) != '$') {
				end++;
			}
		}
		return (end < this.text.length() && this.text.charAt(end) == '$') ? end + 1 : -1;
	}

	private void copyDollarQuoted(int tagEnd) {
		String tag = this.text.substring(this.position, tagEnd);
		int closing = this.text.indexOf(tag, tagEnd);
		copy(((closing < 0) ? this.text.length() : closing + tag.length()) - this.position);
	}

	/**
	 * Letters, digits, {@code _} and {@code $}: a word, in which a {@code $} opens no
	 * dollar quote.
	 */
	private static boolean isWordPart(char character) {
		return Character.isLetterOrDigit(character) || character == '_' || character == '$' || character >= 0x80;
	}

	/**
	 * psql reads {@code :NAME}, {@code :'NAME'}, {@code :"NAME"} and {@code :{?NAME}} as
	 * variables.
	 */
	private static boolean startsPsqlVariable(char character) {
		return Character.isLetterOrDigit(character) || character == '_' || character >= 0x80 || character == '\''
				|| character == '"' || character == '{';
	}

}
