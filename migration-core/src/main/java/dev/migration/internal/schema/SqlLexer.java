package dev.migration.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A flat lexer for SQLite's stored DDL: words, quoted identifiers, string literals and single punctuation
 * characters, each with its place in the text; whitespace and comments are skipped.
 */
final class SqlLexer {

	/** One token; {@code kind} is {@code w} word, {@code q} quoted identifier, {@code s} string, {@code p} other. */
	record Token(char kind, String text, int start, int end) {

		boolean is(String word) {
			return (this.kind == 'w') && this.text.equalsIgnoreCase(word);
		}

		boolean isPunct(char c) {
			return this.kind == 'p' && this.text.charAt(0) == c;
		}

		/** The identifier without quotes. */
		String identifier() {
			if (this.kind == 'q') {
				char quote = this.text.charAt(0);
				String inner = this.text.substring(1, this.text.length() - 1);
				return (quote == '[') ? inner : inner.replace("" + quote + quote, "" + quote);
			}
			return this.text;
		}

		String upper() {
			return this.text.toUpperCase(Locale.ROOT);
		}

	}

	private SqlLexer() {
	}

	static List<Token> tokens(String sql) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		int length = sql.length();
		while (i < length) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
				int newline = sql.indexOf('\n', i);
				i = (newline < 0) ? length : newline + 1;
			}
			else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
				int close = sql.indexOf("*/", i + 2);
				i = (close < 0) ? length : close + 2;
			}
			else if (c == '\'' || c == '"' || c == '`' || c == '[') {
				char close = (c == '[') ? ']' : c;
				int j = i + 1;
				while (j < length) {
					if (sql.charAt(j) == close) {
						if (close != ']' && j + 1 < length && sql.charAt(j + 1) == close) {
							j += 2;
							continue;
						}
						break;
					}
					j++;
				}
				int end = Math.min(j + 1, length);
				tokens.add(new Token((c == '\'') ? 's' : 'q', sql.substring(i, end), i, end));
				i = end;
			}
			else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
				int j = i;
				while (j < length && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
						|| sql.charAt(j) == '$' || sql.charAt(j) == '.')) {
					j++;
				}
				tokens.add(new Token('w', sql.substring(i, j), i, j));
				i = j;
			}
			else {
				tokens.add(new Token('p', String.valueOf(c), i, i + 1));
				i++;
			}
		}
		return tokens;
	}

	/** The index of the token that closes the parenthesis at {@code open}. */
	static int closing(List<Token> tokens, int open) {
		int depth = 0;
		for (int i = open; i < tokens.size(); i++) {
			if (tokens.get(i).isPunct('(')) {
				depth++;
			}
			else if (tokens.get(i).isPunct(')')) {
				depth--;
				if (depth == 0) {
					return i;
				}
			}
		}
		return tokens.size() - 1;
	}

}
