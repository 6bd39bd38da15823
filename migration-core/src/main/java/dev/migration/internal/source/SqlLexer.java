package dev.migration.internal.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A flat lexer for one statement's DDL (SQLite's stored DDL, a target schema's
 * statements): words, quoted identifiers, string literals and single punctuation
 * characters, each with its place in the text; whitespace and comments are skipped. Its
 * rules are the ones both databases share for DDL; where they differ (where statements
 * end, dollar quotes, nested comments) {@link StatementSplitter} reads the text first.
 */
public final class SqlLexer {

	/**
	 * One token; {@code kind} is {@code w} word, {@code q} quoted identifier, {@code s}
	 * string, {@code p} other, {@code g} a whole parenthesized group (only from
	 * {@link #groupedTokens}).
	 */
	public record Token(char kind, String text, int start, int end) {

		public boolean is(String word) {
			return (this.kind == 'w') && this.text.equalsIgnoreCase(word);
		}

		public boolean isPunct(char c) {
			return this.kind == 'p' && this.text.charAt(0) == c;
		}

		/** The identifier without quotes. */
		public String identifier() {
			if (this.kind == 'q') {
				char quote = this.text.charAt(0);
				String inner = this.text.substring(1, this.text.length() - 1);
				return (quote == '[') ? inner : inner.replace("" + quote + quote, "" + quote);
			}
			return this.text;
		}

		public String upper() {
			return this.text.toUpperCase(Locale.ROOT);
		}

		public boolean isGroup() {
			return this.kind == 'g';
		}

	}

	private SqlLexer() {
	}

	public static List<Token> tokens(String sql) {
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

	/**
	 * The top-level tokens: as {@link #tokens}, but each parenthesized group is one token
	 * of kind {@code g} whose text runs from its {@code (} to its {@code )} (to the end
	 * of the text when unclosed). Enough to take a {@code CREATE TABLE} apart without
	 * losing anything.
	 */
	public static List<Token> groupedTokens(String sql) {
		List<Token> flat = tokens(sql);
		List<Token> grouped = new ArrayList<>();
		int depth = 0;
		int groupStart = 0;
		for (Token token : flat) {
			if (token.isPunct('(')) {
				if (depth++ == 0) {
					groupStart = token.start();
				}
			}
			else if (token.isPunct(')') && depth > 0) {
				if (--depth == 0) {
					grouped.add(new Token('g', sql.substring(groupStart, token.end()), groupStart, token.end()));
				}
			}
			else if (depth == 0) {
				grouped.add(token);
			}
		}
		if (depth > 0) {
			grouped.add(new Token('g', sql.substring(groupStart), groupStart, sql.length()));
		}
		return grouped;
	}

	/**
	 * The text between the outer parentheses of a group, split on top-level commas, each
	 * trimmed.
	 */
	public static List<String> splitGroup(String group) {
		String inner = group.substring(1, group.length() - 1);
		List<String> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (Token token : tokens(inner)) {
			if (token.isPunct('(')) {
				depth++;
			}
			else if (token.isPunct(')')) {
				depth--;
			}
			else if (token.isPunct(',') && depth == 0) {
				parts.add(inner.substring(start, token.start()).trim());
				start = token.end();
			}
		}
		parts.add(inner.substring(start).trim());
		return parts;
	}

	/** The index of the token that closes the parenthesis at {@code open}. */
	public static int closing(List<Token> tokens, int open) {
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
