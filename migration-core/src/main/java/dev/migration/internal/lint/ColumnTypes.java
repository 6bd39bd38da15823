package dev.migration.internal.lint;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migration.internal.source.SqlLexer;
import dev.migration.internal.source.SqlLexer.Token;

/**
 * The column types that the revisions read so far declared, so that a type change can be
 * told apart from one that PostgreSQL makes without a rewrite (varchar to text, a longer
 * varchar, a wider numeric).
 */
final class ColumnTypes {

	/** The words that end a column's type in its definition. */
	private static final Set<String> AFTER_TYPE = Set.of("NOT", "NULL", "DEFAULT", "CONSTRAINT", "PRIMARY", "UNIQUE",
			"CHECK", "REFERENCES", "GENERATED", "COLLATE", "USING", "ON");

	private static final Set<String> TABLE_CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN",
			"EXCLUDE", "LIKE");

	private static final Pattern SIZED = Pattern.compile("([a-z ]+?)(?:\\((\\d+)(?:,(\\d+))?\\))?");

	/** {@code table.column} to the type as {@link #normalize} writes it. */
	private final Map<String, String> types = new HashMap<>();

	/** Types the database reported, before any revision is read. */
	void known(Map<String, String> databaseTypes) {
		this.types.putAll(databaseTypes);
	}

	/** Reads the column definitions of a {@code CREATE TABLE name (...)} statement. */
	void created(String table, String sql) {
		for (Token token : SqlLexer.groupedTokens(sql)) {
			if (token.isGroup()) {
				for (String element : SqlLexer.splitGroup(token.text())) {
					Words words = Words.of(element);
					if (words.size() > 1 && words.isName(0) && !TABLE_CONSTRAINTS.contains(words.get(0).upper())) {
						declared(table, words.name(0), words, 1);
					}
				}
				return;
			}
		}
	}

	/** A column's type from its definition, its type starting at {@code typeAt}. */
	void declared(String table, String column, Words words, int typeAt) {
		String type = type(words, typeAt);
		if (!type.isEmpty()) {
			this.types.put(table + "." + column, type);
		}
	}

	/**
	 * The declared type, or {@code null} when no revision read so far declared the
	 * column.
	 */
	String typeOf(String table, String column) {
		return this.types.get(table + "." + column);
	}

	/**
	 * The type's words from {@code typeAt} up to its constraints, lower-cased, spaces
	 * only between words.
	 */
	static String type(Words words, int typeAt) {
		StringBuilder type = new StringBuilder();
		int depth = 0;
		for (int index = typeAt; index < words.size(); index++) {
			Token token = words.get(index);
			if (depth == 0 && token.kind() == 'w' && AFTER_TYPE.contains(token.upper())) {
				break;
			}
			depth += token.isPunct('(') ? 1 : token.isPunct(')') ? -1 : 0;
			boolean word = token.kind() == 'w' || token.kind() == 'q';
			if (word && type.length() > 0 && Character.isLetterOrDigit(type.charAt(type.length() - 1))) {
				type.append(' ');
			}
			type.append(word ? token.identifier() : token.text());
		}
		return normalize(type.toString().toLowerCase(Locale.ROOT));
	}

	/**
	 * One spelling per type: {@code character varying} is {@code varchar},
	 * {@code decimal} is {@code numeric}.
	 */
	static String normalize(String type) {
		return type.replace("character varying", "varchar")
			.replaceAll("^decimal", "numeric")
			.replaceAll("^(int4|int)$", "integer")
			.replaceAll("^int8$", "bigint")
			.replace(" (", "(")
			.replace(", ", ",");
	}

	/**
	 * Whether PostgreSQL changes {@code from} to {@code to} without rewriting the table:
	 * the same type, varchar to text or to a varchar at least as long, text to unbounded
	 * varchar, numeric to a wider one of the same scale.
	 */
	static boolean withoutRewrite(String from, String to) {
		if (from.equals(to)) {
			return true;
		}
		Matcher old = SIZED.matcher(from);
		Matcher next = SIZED.matcher(to);
		if (!old.matches() || !next.matches()) {
			return false;
		}
		String oldBase = old.group(1);
		String newBase = next.group(1);
		if (oldBase.equals("varchar") || oldBase.equals("text")) {
			if (newBase.equals("text")) {
				return oldBase.equals("varchar");
			}
			return newBase.equals("varchar") && (next.group(2) == null || (old.group(2) != null
					&& oldBase.equals("varchar") && Integer.parseInt(next.group(2)) >= Integer.parseInt(old.group(2))));
		}
		if (oldBase.equals("numeric") && newBase.equals("numeric")) {
			if (next.group(2) == null) {
				return true;
			}
			return old.group(2) != null && Integer.parseInt(next.group(2)) >= Integer.parseInt(old.group(2))
					&& String.valueOf(old.group(3)).equals(String.valueOf(next.group(3)));
		}
		return oldBase.equals("cidr") && newBase.equals("inet");
	}

	ColumnTypes copy() {
		ColumnTypes copy = new ColumnTypes();
		copy.types.putAll(this.types);
		return copy;
	}

	void dropped(String table) {
		this.types.keySet().removeIf((key) -> key.startsWith(table + "."));
	}

}
