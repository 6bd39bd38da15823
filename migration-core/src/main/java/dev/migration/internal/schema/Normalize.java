package dev.migration.internal.schema;

import java.util.Locale;

/**
 * Text normalization shared by the reflectors: whitespace, case outside quotes, redundant
 * parentheses.
 */
final class Normalize {

	private Normalize() {
	}

	/**
	 * SQL text for comparison: whitespace runs outside quotes become one space (none next
	 * to parentheses and commas), words outside quotes are lower-cased, redundant outer
	 * parentheses go.
	 */
	static String sql(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder out = new StringBuilder();
		int i = 0;
		boolean pendingSpace = false;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '\'' || c == '"' || c == '`') {
				int end = closing(text, i, c);
				appendSpace(out, pendingSpace, c);
				pendingSpace = false;
				out.append(text, i, end);
				i = end;
				continue;
			}
			if (Character.isWhitespace(c)) {
				pendingSpace = out.length() > 0;
				i++;
				continue;
			}
			appendSpace(out, pendingSpace, c);
			pendingSpace = false;
			out.append(Character.toLowerCase(c));
			i++;
		}
		return stripParentheses(out.toString().trim());
	}

	// one space between words; none after "(" or "," nor before "(", ")" or ","
	private static void appendSpace(StringBuilder out, boolean pendingSpace, char next) {
		if (!pendingSpace || out.length() == 0) {
			return;
		}
		char last = out.charAt(out.length() - 1);
		if (last != '(' && last != ',' && next != ')' && next != ',' && next != '(') {
			out.append(' ');
		}
	}

	private static int closing(String text, int start, char quote) {
		return closing(text, start, quote, false);
	}

	/**
	 * The end of the quoted text opening at {@code start}, where a doubled quote (and,
	 * with {@code escapes}, a backslash) escapes the next character.
	 */
	static int closing(String text, int start, char quote, boolean escapes) {
		int i = start + 1;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (escapes && c == '\\') {
				i += 2;
				continue;
			}
			if (c == quote) {
				if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
					i += 2;
					continue;
				}
				return i + 1;
			}
			i++;
		}
		return text.length();
	}

	/** Removes parentheses that wrap the whole text, as often as they do. */
	static String stripParentheses(String text) {
		String result = text.trim();
		while (result.startsWith("(") && result.endsWith(")") && matches(result)) {
			result = result.substring(1, result.length() - 1).trim();
		}
		return result;
	}

	// whether the first parenthesis closes at the very end
	private static boolean matches(String text) {
		int depth = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\'' || c == '"') {
				i = closing(text, i, c) - 1;
				continue;
			}
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
				if (depth == 0 && i < text.length() - 1) {
					return false;
				}
			}
		}
		return depth == 0;
	}

	static String lower(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

}
