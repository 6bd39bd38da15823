package dev.migration.internal.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migration.internal.source.SqlLexer;
import dev.migration.internal.source.SqlLexer.Token;

/**
 * A SQLite table as its stored {@code CREATE TABLE} text says: column definitions and
 * table constraints, each as written (so nothing the copy does not change is lost:
 * collations, checks, generated columns, conflict clauses), plus the options after the
 * parentheses ({@code STRICT}, {@code WITHOUT ROWID}).
 */
final class SqliteTable {

	private static final Set<String> CONSTRAINT_STARTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

	private static final Set<String> CLAUSE_STARTS = Set.of("CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK",
			"DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS");

	/** A column or table constraint as written. */
	record Element(String text, String column, String constraintName) {

		boolean isColumn() {
			return this.column != null;
		}

	}

	/**
	 * A column definition taken apart: name, type, and each clause (constraint) as
	 * written.
	 */
	record ColumnDefinition(String name, String type, List<String> clauses) {

		String render(SqlRenderer renderer) {
			StringBuilder sql = new StringBuilder(renderer.quote(this.name));
			if (!this.type.isEmpty()) {
				sql.append(' ').append(this.type);
			}
			for (String clause : this.clauses) {
				sql.append(' ').append(clause);
			}
			return sql.toString();
		}

	}

	private final List<Element> elements;

	private final String options;

	private SqliteTable(List<Element> elements, String options) {
		this.elements = elements;
		this.options = options;
	}

	static SqliteTable parse(String createSql) {
		List<Token> tokens = SqlLexer.groupedTokens(createSql);
		int group = -1;
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i).isGroup()) {
				group = i;
				break;
			}
		}
		if (group < 0) {
			throw new IllegalStateException("Cannot read the definition of a table: " + createSql);
		}
		List<Element> elements = new ArrayList<>();
		for (String part : SqlLexer.splitGroup(tokens.get(group).text())) {
			elements.add(element(part));
		}
		String options = createSql.substring(tokens.get(group).end()).trim();
		return new SqliteTable(elements, options);
	}

	static Element element(String text) {
		List<Token> tokens = SqlLexer.groupedTokens(text);
		String first = tokens.get(0).upper();
		if (CONSTRAINT_STARTS.contains(first)
				&& !(tokens.size() > 1 && !first.equals("CONSTRAINT") && !isKeywordFollower(tokens, first))) {
			String name = first.equals("CONSTRAINT") ? tokens.get(1).identifier() : null;
			return new Element(text, null, name);
		}
		return new Element(text, tokens.get(0).identifier(), null);
	}

	// "PRIMARY KEY (...)", "UNIQUE (...)", "CHECK (...)", "FOREIGN KEY (...)": a column
	// named "unique" would differ
	private static boolean isKeywordFollower(List<Token> tokens, String first) {
		String second = tokens.get(1).upper();
		return switch (first) {
			case "PRIMARY", "FOREIGN" -> second.equals("KEY");
			default -> tokens.get(1).isGroup();
		};
	}

	static ColumnDefinition column(String text) {
		List<Token> tokens = SqlLexer.groupedTokens(text);
		String name = tokens.get(0).identifier();
		int i = 1;
		int typeStart = -1;
		int typeEnd = -1;
		while (i < tokens.size() && !CLAUSE_STARTS.contains(tokens.get(i).upper())) {
			if (typeStart < 0) {
				typeStart = tokens.get(i).start();
			}
			typeEnd = tokens.get(i).end();
			i++;
		}
		String type = (typeStart < 0) ? "" : text.substring(typeStart, typeEnd);
		List<String> clauses = new ArrayList<>();
		int clauseStart = -1;
		for (; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			String word = token.upper();
			String previous = tokens.get(i - 1).upper();
			boolean starts = CLAUSE_STARTS.contains(word) && !(word.equals("NULL") && previous.equals("NOT"))
					&& !(word.equals("NOT") && i + 1 < tokens.size() && tokens.get(i + 1).upper().equals("DEFERRABLE"))
					&& !(word.equals("AS") && previous.equals("ALWAYS")) && !previous.equals("CONSTRAINT");
			if (starts && !(clauseStart >= 0 && text.substring(clauseStart, token.start())
				.trim()
				.toUpperCase(Locale.ROOT)
				.matches("CONSTRAINT\\s+\\S+"))) {
				if (clauseStart >= 0) {
					clauses.add(text.substring(clauseStart, token.start()).trim());
				}
				clauseStart = token.start();
			}
		}
		if (clauseStart >= 0) {
			clauses.add(text.substring(clauseStart).trim());
		}
		return new ColumnDefinition(name, type, clauses);
	}

	List<Element> elements() {
		return this.elements;
	}

	String options() {
		return this.options;
	}

	List<String> columns() {
		List<String> columns = new ArrayList<>();
		for (Element element : this.elements) {
			if (element.isColumn()) {
				columns.add(element.column());
			}
		}
		return columns;
	}

	SqliteTable with(List<Element> newElements) {
		return new SqliteTable(List.copyOf(newElements), this.options);
	}

	String createSql(SqlRenderer renderer, String table) {
		List<String> parts = new ArrayList<>();
		for (Element element : this.elements) {
			parts.add(element.text());
		}
		return "CREATE TABLE " + renderer.quote(table) + " (\n    " + String.join(",\n    ", parts) + "\n)"
				+ (this.options.isEmpty() ? "" : " " + this.options);
	}

	/** Whether a table constraint's text names the column (as a whole word). */
	static boolean mentions(String text, String column) {
		for (Token token : SqlLexer.groupedTokens(text)) {
			if (token.isGroup()) {
				if (mentions(token.text().substring(1, token.text().length() - 1), column)) {
					return true;
				}
			}
			else if (token.identifier().equalsIgnoreCase(column)) {
				return true;
			}
		}
		return false;
	}

}
