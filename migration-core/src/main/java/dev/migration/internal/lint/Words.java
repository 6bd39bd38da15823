package dev.migration.internal.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migration.internal.source.SqlLexer;
import dev.migration.internal.source.SqlLexer.Token;

/**
 * A statement's tokens (from the core's {@link SqlLexer}, comments skipped) with the few
 * questions the rules ask: which keyword is where, and which table a name means.
 */
final class Words {

	private final List<Token> tokens;

	Words(List<Token> tokens) {
		this.tokens = tokens;
	}

	static Words of(String sql) {
		return new Words(SqlLexer.tokens(sql));
	}

	int size() {
		return this.tokens.size();
	}

	Token get(int index) {
		return this.tokens.get(index);
	}

	boolean is(int index, String... words) {
		if (index + words.length > this.tokens.size()) {
			return false;
		}
		for (int offset = 0; offset < words.length; offset++) {
			if (!this.tokens.get(index + offset).is(words[offset])) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The first index at or after {@code from} where the words follow each other at the
	 * top level, or -1.
	 */
	int find(int from, String... words) {
		for (int index : topLevel(from)) {
			if (is(index, words)) {
				return index;
			}
		}
		return -1;
	}

	/**
	 * The indices from {@code from} on of the tokens outside any parentheses, the
	 * parentheses themselves left out.
	 */
	private List<Integer> topLevel(int from) {
		List<Integer> indices = new ArrayList<>();
		int depth = 0;
		for (int index = from; index < this.tokens.size(); index++) {
			Token token = this.tokens.get(index);
			if (token.isPunct('(')) {
				depth++;
			}
			else if (token.isPunct(')')) {
				depth--;
			}
			else if (depth == 0) {
				indices.add(index);
			}
		}
		return indices;
	}

	/** Whether the word is anywhere in the statement, inside parentheses too. */
	boolean contains(String word) {
		for (Token token : this.tokens) {
			if (token.is(word)) {
				return true;
			}
		}
		return false;
	}

	boolean isName(int index) {
		if (index < 0 || index >= this.tokens.size()) {
			return false;
		}
		char kind = this.tokens.get(index).kind();
		return kind == 'w' || kind == 'q';
	}

	/** The index just after the (possibly schema-qualified) name at {@code index}. */
	int afterName(int index) {
		int next = index + 1;
		while (next + 1 < this.tokens.size() && this.tokens.get(next).isPunct('.') && isName(next + 1)) {
			next += 2;
		}
		return next;
	}

	/**
	 * The name at {@code index} as the rules compare tables and columns: its last part
	 * without quotes, lower-cased (a schema is dropped: {@code auth.users} and
	 * {@code users} are one table to the lint).
	 */
	String name(int index) {
		int last = afterName(index) - 1;
		Token token = this.tokens.get(last);
		String text = token.identifier();
		if (token.kind() == 'w') {
			int dot = text.lastIndexOf('.');
			text = (dot >= 0) ? text.substring(dot + 1) : text;
		}
		return text.toLowerCase(Locale.ROOT);
	}

	/**
	 * The tokens from {@code from} to the end split at top-level commas: the actions of
	 * an {@code ALTER TABLE}.
	 */
	List<Words> splitAtCommas(int from) {
		List<Words> parts = new ArrayList<>();
		int start = from;
		for (int index : topLevel(from)) {
			if (this.tokens.get(index).isPunct(',')) {
				parts.add(new Words(this.tokens.subList(start, index)));
				start = index + 1;
			}
		}
		parts.add(new Words(this.tokens.subList(start, this.tokens.size())));
		return parts;
	}

	/** The tokens from {@code from} to the end. */
	Words from(int from) {
		return new Words(this.tokens.subList(Math.min(from, this.tokens.size()), this.tokens.size()));
	}

	/**
	 * The text the tokens span in the statement, e.g. an action of an {@code ALTER TABLE}
	 * for a message.
	 */
	String text(String sql) {
		if (this.tokens.isEmpty()) {
			return "";
		}
		String text = sql.substring(this.tokens.get(0).start(), this.tokens.get(this.tokens.size() - 1).end());
		text = text.replaceAll("\\s+", " ");
		return (text.length() > 80) ? text.substring(0, 77) + "..." : text;
	}

}
