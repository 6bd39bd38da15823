package dev.migration.internal.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL text into top-level tokens: words, quoted identifiers, string literals, whole parenthesized groups and
 * single characters. Enough to take SQLite's stored {@code CREATE TABLE} text apart without losing anything.
 */
final class SqlTokens {

	/** A token and where it is in the text. */
	record Token(String text, int start, int end) {

		String upper() {
			return this.text.toUpperCase(Locale.ROOT);
		}

		boolean isGroup() {
			return this.text.startsWith("(");
		}

		/** The identifier without its quotes. */
		String identifier() {
			char first = this.text.charAt(0);
			if (first == '"' || first == '`') {
				return this.text.substring(1, this.text.length() - 1).replace(String.valueOf(first) + first,
						String.valueOf(first));
			}
			if (first == '[') {
				return this.text.substring(1, this.text.length() - 1);
			}
			return this.text;
		}

	}

	private SqlTokens() {
	}

	static List<Token> tokens(String sql) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		int length = sql.length();
		while (i < length) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
				continue;
			}
			int start = i;
			if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
				int newline = sql.indexOf('\n', i);
				i = (newline < 0) ? length : newline + 1;
				continue;
			}
			if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
				int close = sql.indexOf("*/", i + 2);
				i = (close < 0) ? length : close + 2;
				continue;
			}
			if (c == '(') {
				i = skipGroup(sql, i);
			}
			else if (c == '\'' || c == '"' || c == '`') {
				i = skipQuoted(sql, i, c);
			}
			else if (c == '[') {
				int close = sql.indexOf(']', i);
				i = (close < 0) ? length : close + 1;
			}
			else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
				while (i < length && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
						|| sql.charAt(i) == '$' || sql.charAt(i) == '.')) {
					i++;
				}
			}
			else {
				i++;
			}
			tokens.add(new Token(sql.substring(start, i), start, i));
		}
		return tokens;
	}

	/** The text between the outer parentheses of a group, split on top-level commas, each trimmed. */
	static List<String> splitGroup(String group) {
		String inner = group.substring(1, group.length() - 1);
		List<String> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		int i = 0;
		while (i < inner.length()) {
			char c = inner.charAt(i);
			if (c == '\'' || c == '"' || c == '`') {
				i = skipQuoted(inner, i, c);
				continue;
			}
			if (c == '-' && i + 1 < inner.length() && inner.charAt(i + 1) == '-') {
				int newline = inner.indexOf('\n', i);
				i = (newline < 0) ? inner.length() : newline + 1;
				continue;
			}
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				parts.add(inner.substring(start, i).trim());
				start = i + 1;
			}
			i++;
		}
		parts.add(inner.substring(start).trim());
		return parts;
	}

	private static int skipGroup(String sql, int open) {
		int depth = 0;
		int i = open;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if (c == '\'' || c == '"' || c == '`') {
				i = skipQuoted(sql, i, c);
				continue;
			}
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
				if (depth == 0) {
					return i + 1;
				}
			}
			i++;
		}
		return sql.length();
	}

	private static int skipQuoted(String sql, int open, char quote) {
		int i = open + 1;
		while (i < sql.length()) {
			if (sql.charAt(i) == quote) {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return sql.length();
	}

}
