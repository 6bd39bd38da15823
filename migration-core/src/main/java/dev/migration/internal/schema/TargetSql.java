package dev.migration.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migration.internal.revision.SqlStatement;
import dev.migration.internal.source.SqlLexer;
import dev.migration.internal.source.SqlLexer.Token;
import dev.migration.internal.source.SqlSyntax;
import dev.migration.internal.source.StatementSplitter;

/**
 * A target schema as people have it, made ready for the scratch database: the output of
 * {@code pg_dump
 * --schema-only} and of {@code sqlite3 .schema} is taken as it is. What only restores a
 * dump in another session (psql's {@code \restrict}, {@code SET},
 * {@code set_config('search_path', ...)}, owners, grants, comments, the compared schema's
 * own {@code CREATE SCHEMA}, SQLite's internal tables) is left out, and names qualified
 * with the compared schema ({@code public.users}) lose the qualifier so that they land in
 * the scratch schema.
 */
final class TargetSql {

	private TargetSql() {
	}

	/**
	 * The statements to run, with their lines in the file.
	 * @param location the target schema's file, for errors
	 * @param schema the schema being compared ({@code public}), whose qualifier is
	 * removed; {@code null} for SQLite
	 */
	static List<SqlStatement> statements(String location, String text, SqlSyntax syntax, String schema) {
		List<SqlStatement> statements = new ArrayList<>();
		for (SqlStatement statement : StatementSplitter.statements(syntax, location, withoutMetaCommands(text), 1)) {
			List<Token> tokens = SqlLexer.tokens(statement.sql());
			if (tokens.isEmpty() || left(tokens, syntax, schema)) {
				continue;
			}
			String sql = (syntax == SqlSyntax.SQLITE) ? statement.sql() : unqualified(statement.sql(), schema);
			statements.add(new SqlStatement(sql, statement.line()));
		}
		return statements;
	}

	/**
	 * psql's backslash commands ({@code \restrict KEY} of pg_dump 17.6+) become blank
	 * lines: lines keep numbers.
	 */
	static String withoutMetaCommands(String text) {
		if (text.indexOf('\\') < 0) {
			return text;
		}
		String[] lines = text.split("\n", -1);
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < lines.length; i++) {
			if (i > 0) {
				out.append('\n');
			}
			if (!lines[i].startsWith("\\")) {
				out.append(lines[i]);
			}
		}
		return out.toString();
	}

	private static boolean left(List<Token> tokens, SqlSyntax syntax, String schema) {
		String first = tokens.get(0).upper();
		String second = word(tokens, 1);
		if (syntax == SqlSyntax.SQLITE) {
			// .schema prints the tables SQLite makes itself (AUTOINCREMENT, ANALYZE);
			// creating them is an error
			int name = word(tokens, 2).equals("IF") ? 5 : 2;
			return (first.equals("CREATE") && second.equals("TABLE") && internal(tokens, name))
					|| first.equals("ANALYZE") || (first.equals("INSERT") && internal(tokens, 2));
		}
		return switch (first) {
			// DROP and ALTER TABLE IF EXISTS stay: TargetGuard runs them on what the
			// target created (a history's)
			// and leaves out the rest (pg_dump --clean's, which would reach the
			// database's own objects)
			case "SET", "RESET", "COMMENT", "GRANT", "REVOKE", "SECURITY" -> true;
			case "SELECT" -> second.endsWith("SET_CONFIG") || second.endsWith("SETVAL");
			case "ALTER" -> second.equals("DEFAULT") || ownerChange(tokens) || databaseWide(tokens)
					|| (second.equals("SCHEMA") && named(tokens, 2, schema));
			case "CREATE" -> databaseWide(tokens) || (second.equals("SCHEMA")
					&& (named(tokens, 2, schema) || (word(tokens, 2).equals("IF") && named(tokens, 5, schema))));
			default -> false;
		};
	}

	private static boolean internal(List<Token> tokens, int index) {
		return index < tokens.size()
				&& tokens.get(index).identifier().toLowerCase(Locale.ROOT).replace("main.", "").startsWith("sqlite_");
	}

	// publications, subscriptions and event triggers belong to the database, need
	// privileges and are not compared
	private static boolean databaseWide(List<Token> tokens) {
		String second = word(tokens, 1);
		return second.equals("PUBLICATION") || second.equals("SUBSCRIPTION")
				|| (second.equals("EVENT") && word(tokens, 2).equals("TRIGGER"));
	}

	// ALTER ... OWNER TO role: the role may not exist here, and owners are not compared
	private static boolean ownerChange(List<Token> tokens) {
		for (int i = 1; i + 1 < tokens.size(); i++) {
			if (tokens.get(i).is("OWNER") && tokens.get(i + 1).is("TO")) {
				return true;
			}
		}
		return false;
	}

	private static String word(List<Token> tokens, int index) {
		return (index < tokens.size()) ? tokens.get(index).upper() : "";
	}

	private static boolean named(List<Token> tokens, int index, String schema) {
		if (schema == null || index >= tokens.size()) {
			return false;
		}
		Token token = tokens.get(index);
		return (token.kind() == 'q') ? token.identifier().equals(schema)
				: token.text().toLowerCase(Locale.ROOT).equals(schema);
	}

	/**
	 * Removes the qualifier {@code schema.} (also quoted) from names, and from
	 * {@code 'schema.seq'::regclass} literals of a dump's {@code nextval}, outside
	 * strings, comments and dollar-quoted bodies.
	 */
	static String unqualified(String sql, String schema) {
		StringBuilder out = new StringBuilder(sql.length());
		int i = 0;
		int length = sql.length();
		while (i < length) {
			char c = sql.charAt(i);
			if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
				int newline = sql.indexOf('\n', i);
				int end = (newline < 0) ? length : newline;
				out.append(sql, i, end);
				i = end;
			}
			else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
				int close = sql.indexOf("*/", i + 2);
				int end = (close < 0) ? length : close + 2;
				out.append(sql, i, end);
				i = end;
			}
			else if (c == '\'') {
				boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
				int end = stringEnd(sql, i, escapes);
				String literal = sql.substring(i, end);
				if (regclassFollows(sql, end)) {
					literal = "'" + withoutQualifier(literal.substring(1), schema);
				}
				out.append(literal);
				i = end;
			}
			else if (c == '$' && dollarTag(sql, i) != null) {
				String tag = dollarTag(sql, i);
				int close = sql.indexOf(tag, i + tag.length());
				int end = (close < 0) ? length : close + tag.length();
				out.append(sql, i, end);
				i = end;
			}
			else if (c == '"' || Character.isLetter(c) || c == '_') {
				int end = identifierEnd(sql, i);
				String name = sql.substring(i, end);
				boolean qualifier = end < length && sql.charAt(end) == '.' && !precededByDot(sql, i)
						&& names(name, schema);
				if (qualifier) {
					i = end + 1;
				}
				else {
					out.append(name);
					i = end;
				}
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

	/**
	 * The qualified names ({@code schema.name}, also quoted) of a statement, as {schema,
	 * name} with unquoted parts folded to lower case, outside strings and comments;
	 * inside dollar-quoted bodies only when they run at once ({@code DO}): a function's
	 * body is not run when the function is created.
	 */
	static List<String[]> qualifiedNames(String sql, boolean bodies) {
		List<String[]> names = new ArrayList<>();
		int i = 0;
		int length = sql.length();
		String previous = null;
		while (i < length) {
			char c = sql.charAt(i);
			if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
				int newline = sql.indexOf('\n', i);
				i = (newline < 0) ? length : newline;
			}
			else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
				int close = sql.indexOf("*/", i + 2);
				i = (close < 0) ? length : close + 2;
			}
			else if (c == '\'') {
				i = stringEnd(sql, i, i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e'));
			}
			else if (c == '$' && dollarTag(sql, i) != null) {
				String tag = dollarTag(sql, i);
				int close = sql.indexOf(tag, i + tag.length());
				if (bodies) {
					names.addAll(qualifiedNames(sql.substring(i + tag.length(), (close < 0) ? length : close), true));
				}
				i = (close < 0) ? length : close + tag.length();
			}
			else if (c == '"' || Character.isLetter(c) || c == '_') {
				int end = identifierEnd(sql, i);
				String name = folded(sql.substring(i, end));
				if (previous != null) {
					names.add(new String[] { previous, name });
				}
				previous = (end < length && sql.charAt(end) == '.' && !precededByDot(sql, i)) ? name : null;
				i = (previous != null) ? end + 1 : end;
			}
			else {
				previous = null;
				i++;
			}
		}
		return names;
	}

	private static String folded(String identifier) {
		return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
				: identifier.toLowerCase(Locale.ROOT);
	}

	private static boolean names(String identifier, String schema) {
		if (identifier.startsWith("\"")) {
			return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"").equals(schema);
		}
		return identifier.toLowerCase(Locale.ROOT).equals(schema);
	}

	private static String withoutQualifier(String literalRest, String schema) {
		for (String prefix : List.of(schema + ".", "\"" + schema.replace("\"", "\"\"") + "\".")) {
			if (literalRest.startsWith(prefix)) {
				return literalRest.substring(prefix.length());
			}
		}
		return literalRest;
	}

	private static boolean regclassFollows(String sql, int index) {
		String rest = sql.substring(index).stripLeading().toLowerCase(Locale.ROOT);
		return rest.startsWith("::regclass") || rest.startsWith("::\"regclass\"")
				|| rest.startsWith("::pg_catalog.regclass");
	}

	private static boolean precededByDot(String sql, int index) {
		return index > 0 && sql.charAt(index - 1) == '.';
	}

	private static int stringEnd(String sql, int start, boolean escapes) {
		return Normalize.closing(sql, start, '\'', escapes);
	}

	private static int identifierEnd(String sql, int start) {
		if (sql.charAt(start) == '"') {
			return Normalize.closing(sql, start, '"', false);
		}
		int i = start;
		while (i < sql.length()
				&& (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
			i++;
		}
		return i;
	}

	/** {@code $tag$} starting at {@code start}, or {@code null}. */
	private static String dollarTag(String sql, int start) {
		int i = start + 1;
		while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
			i++;
		}
		if (i < sql.length() && sql.charAt(i) == '$' && (i == start + 1 || !Character.isDigit(sql.charAt(start + 1)))) {
			return sql.substring(start, i + 1);
		}
		return null;
	}

}
