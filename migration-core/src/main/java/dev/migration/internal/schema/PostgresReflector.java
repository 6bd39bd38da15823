package dev.migration.internal.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migration.internal.schema.SchemaModel.Check;
import dev.migration.internal.schema.SchemaModel.Col;
import dev.migration.internal.schema.SchemaModel.ForeignKey;
import dev.migration.internal.schema.SchemaModel.Idx;
import dev.migration.internal.schema.SchemaModel.Obj;
import dev.migration.internal.schema.SchemaModel.PrimaryKey;
import dev.migration.internal.schema.SchemaModel.Schema;
import dev.migration.internal.schema.SchemaModel.Table;
import dev.migration.internal.schema.SchemaModel.Unique;

/**
 * Reads the tables of the connection's current schema from {@code pg_catalog}: JDBC
 * metadata knows neither check constraints, index predicates nor identity columns, and
 * prints defaults differently per driver version.
 */
final class PostgresReflector {

	private static final Pattern NEXTVAL = Pattern.compile("nextval\\('[^']*'(::regclass)?\\)");

	private static final Map<String, String> ACTIONS = Map.of("a", "NO ACTION", "r", "RESTRICT", "c", "CASCADE", "n",
			"SET NULL", "d", "SET DEFAULT");

	private PostgresReflector() {
	}

	static Schema reflect(Connection connection, Predicate<String> included) throws SQLException {
		String schema = single(connection, "SELECT current_schema()");
		if (schema == null) {
			throw new SQLException("The connection has no current schema: check its search_path");
		}
		Map<String, Table> tables = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT c.oid, c.relname FROM pg_class c "
				+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p') "
				+ "AND NOT c.relispartition ORDER BY c.relname")) {
			statement.setString(1, schema);
			try (ResultSet rows = statement.executeQuery()) {
				List<Object[]> found = new ArrayList<>();
				while (rows.next()) {
					found.add(new Object[] { rows.getLong(1), rows.getString(2) });
				}
				for (Object[] table : found) {
					String name = (String) table[1];
					if (included.test(name)) {
						tables.put(name, table(connection, schema, (Long) table[0], name));
					}
				}
			}
		}
		return new Schema(tables, objects(connection, schema, included));
	}

	/** Not a member of an extension: those come and go with their extension. */
	private static final String OWN = "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = %s::regclass "
			+ "AND d.objid = %s AND d.deptype = 'e')";

	/**
	 * Extensions, then the schema's functions, views, triggers and what autogenerate
	 * cannot write (types, sequences of their own, materialized views, aggregates), each
	 * in the order it was created. Definitions are the catalog's own text without the
	 * schema's qualifier, so the live and the scratch schema compare equal.
	 */
	private static List<Obj> objects(Connection connection, String schema, Predicate<String> included)
			throws SQLException {
		List<Obj> objects = new ArrayList<>();
		for (String[] row : rows(connection, "SELECT e.extname, quote_ident(e.extname), n.nspname FROM pg_extension e "
				+ "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY e.oid")) {
			String where = (row[2].equals(schema) || row[2].startsWith("migration_scratch_")) ? ""
					: " WITH SCHEMA " + quoteIdent(row[2]);
			objects.add(new Obj("extension", row[0], null, row[0], "CREATE EXTENSION IF NOT EXISTS " + row[1] + where,
					"DROP EXTENSION IF EXISTS " + row[1], true));
		}
		for (String[] row : rows(connection,
				"SELECT p.proname, pg_get_function_identity_arguments(p.oid), p.prokind, "
						+ "CASE WHEN p.prosqlbody IS NULL THEN 'early' END, CASE WHEN p.prokind <> 'a' THEN "
						+ "pg_get_functiondef(p.oid) END, quote_ident(p.proname) "
						+ "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace " + "WHERE n.nspname = ? AND "
						+ OWN.formatted("'pg_proc'", "p.oid") + " ORDER BY p.oid",
				schema)) {
			if (!included.test(row[0])) {
				continue;
			}
			String name = row[0] + "(" + row[1] + ")";
			String signature = row[5] + "(" + row[1] + ")";
			if (row[2].equals("a")) {
				objects.add(new Obj("aggregate", name, null, name, null, null, false));
				continue;
			}
			String kind = row[2].equals("p") ? "procedure" : "function";
			String definition = TargetSql.unqualified(row[4].strip(), schema);
			// a BEGIN ATOMIC body is parsed when created, so it comes after the tables it
			// names; other bodies are
			// checked when called once the script turns check_function_bodies off, and
			// come before the tables
			// whose defaults, checks, indexes and triggers may call them
			objects.add(new Obj(kind, name, null, definition, definition,
					"DROP " + kind.toUpperCase(Locale.ROOT) + " " + signature, row[3] != null));
		}
		for (String[] row : rows(connection, "SELECT c.relname, quote_ident(c.relname), c.relkind, "
				+ "pg_get_viewdef(c.oid, true), array_to_string(c.reloptions, ', ') FROM pg_class c "
				+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('v', 'm') AND "
				+ OWN.formatted("'pg_class'", "c.oid") + " ORDER BY c.oid", schema)) {
			if (!included.test(row[0])) {
				continue;
			}
			String query = TargetSql.unqualified(row[3].strip(), schema);
			if (query.endsWith(";")) {
				query = query.substring(0, query.length() - 1);
			}
			String options = (row[4] != null && !row[4].isEmpty()) ? " WITH (" + row[4] + ")" : "";
			if (row[2].equals("m")) {
				objects.add(new Obj("materialized view", row[0], null, options + query, null, null, false));
			}
			else {
				objects.add(new Obj("view", row[0], null, options + query,
						"CREATE VIEW " + row[1] + options + " AS\n" + query, "DROP VIEW " + row[1], false));
			}
		}
		for (String[] row : rows(connection,
				"SELECT t.tgname, c.relname, pg_get_triggerdef(t.oid, true), "
						+ "quote_ident(t.tgname), quote_ident(c.relname) FROM pg_trigger t "
						+ "JOIN pg_class c ON c.oid = t.tgrelid "
						+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND NOT t.tgisinternal "
						// a partition's clone of its parent's trigger comes and goes with
						// the parent's
						+ "AND t.tgparentid = 0 " + "ORDER BY t.oid",
				schema)) {
			if (!included.test(row[1])) {
				continue;
			}
			String definition = TargetSql.unqualified(row[2], schema);
			objects.add(new Obj("trigger", row[0], row[1], definition, definition,
					"DROP TRIGGER " + row[3] + " ON " + row[4], false));
		}
		for (String[] row : rows(connection, "SELECT t.typname, CASE t.typtype WHEN 'e' THEN 'enum ' || "
				+ "(SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e "
				+ "WHERE e.enumtypid = t.oid) WHEN 'd' THEN 'domain ' || format_type(t.typbasetype, t.typtypmod) || "
				+ "CASE WHEN t.typnotnull THEN ' not null' ELSE '' END || coalesce(' default ' || t.typdefault, '') || "
				+ "coalesce((SELECT ' ' || string_agg(pg_get_constraintdef(k.oid, true), ' ' ORDER BY k.conname) "
				+ "FROM pg_constraint k WHERE k.contypid = t.oid), '') WHEN 'c' THEN 'composite ' || "
				+ "(SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' "
				+ "ORDER BY a.attnum) "
				+ "FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) "
				+ "ELSE 'range' END, t.typtype, quote_ident(t.typname), (SELECT string_agg(quote_literal(e.enumlabel), "
				+ "', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) FROM pg_type t "
				+ "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ? "
				+ "AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND (SELECT r.relkind FROM pg_class r "
				+ "WHERE r.oid = t.typrelid) = 'c')) AND " + OWN.formatted("'pg_type'", "t.oid") + " ORDER BY t.oid",
				schema)) {
			if (included.test(row[0])) {
				boolean isEnum = row[2].equals("e");
				objects.add(new Obj("type", row[0], null, TargetSql.unqualified(row[1], schema),
						isEnum ? "CREATE TYPE " + row[3] + " AS ENUM (" + ((row[4] != null) ? row[4] : "") + ")" : null,
						isEnum ? "DROP TYPE " + row[3] : null, true));
			}
		}
		for (String[] row : rows(connection, "SELECT c.relname, 'AS ' || format_type(s.seqtypid, NULL) "
				+ "|| ' START WITH ' "
				+ "|| s.seqstart || ' INCREMENT BY ' || s.seqincrement || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' "
				+ "|| s.seqmax || ' CACHE ' || s.seqcache || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE '' END, "
				+ "quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
				+ "JOIN pg_sequence s "
				+ "ON s.seqrelid = c.oid WHERE n.nspname = ? AND c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM "
				+ "pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', "
				+ "'e')) ORDER BY c.oid", schema)) {
			if (included.test(row[0])) {
				objects.add(new Obj("sequence", row[0], null, row[1], "CREATE SEQUENCE " + row[2] + " " + row[1],
						"DROP SEQUENCE " + row[2], true));
			}
		}
		return objects;
	}

	private static String quoteIdent(String name) {
		return name.matches("[a-z_][a-z0-9_]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
	}

	private static List<String[]> rows(Connection connection, String sql, String... parameters) throws SQLException {
		List<String[]> rows = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				int columns = result.getMetaData().getColumnCount();
				while (result.next()) {
					String[] row = new String[columns];
					for (int i = 0; i < columns; i++) {
						row[i] = result.getString(i + 1);
					}
					rows.add(row);
				}
			}
		}
		return rows;
	}

	private static Table table(Connection connection, String schema, long oid, String name) throws SQLException {
		List<Col> columns = new ArrayList<>();
		forEachRow(connection, "SELECT a.attname, "
				+ "format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid), "
				+ "a.attidentity, EXISTS (SELECT 1 FROM pg_depend o WHERE o.refclassid = 'pg_class'::regclass "
				+ "AND o.refobjid = a.attrelid AND o.refobjsubid = a.attnum AND o.classid = 'pg_class'::regclass "
				+ "AND o.deptype = 'a') FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid "
				+ "AND d.adnum = a.attnum WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped "
				+ "ORDER BY a.attnum", oid, (rows) -> {
					String defaultValue = rows.getString(4);
					String identity = switch (String.valueOf(rows.getString(5))) {
						case "a" -> "ALWAYS";
						case "d" -> "BY DEFAULT";
						default -> null;
					};
					// a serial: the column owns the sequence; a shared sequence's nextval
					// is a plain default
					boolean sequence = defaultValue != null && NEXTVAL.matcher(defaultValue).matches()
							&& rows.getBoolean(6);
					columns.add(new Col(rows.getString(1), rows.getString(2), !rows.getBoolean(3),
							sequence ? null : defaultValue, sequence || identity != null, identity));
				});
		List<PrimaryKey> primaryKey = new ArrayList<>(1);
		List<Unique> uniques = new ArrayList<>();
		List<ForeignKey> foreignKeys = new ArrayList<>();
		List<Check> checks = new ArrayList<>();
		forEachRow(connection, "SELECT con.conname, con.contype, " + "pg_get_constraintdef(con.oid, true), "
				+ "ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a "
				+ "ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o), cf.relname, "
				+ "ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a "
				+ "ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o), con.confdeltype, con.confupdtype "
				+ "FROM pg_constraint con LEFT JOIN pg_class cf ON cf.oid = con.confrelid WHERE con.conrelid = ? "
				+ "ORDER BY con.conname", oid, (rows) -> {
					String constraintName = rows.getString(1);
					List<String> keyColumns = strings(rows.getArray(4));
					switch (rows.getString(2)) {
						case "p" -> primaryKey.add(new PrimaryKey(constraintName, keyColumns));
						case "u" -> uniques.add(new Unique(constraintName, keyColumns));
						case "f" -> foreignKeys.add(
								new ForeignKey(constraintName, keyColumns, rows.getString(5), strings(rows.getArray(6)),
										ACTIONS.get(rows.getString(7)), ACTIONS.get(rows.getString(8))));
						case "c" -> checks.add(new Check(constraintName, checkExpression(rows.getString(3))));
						default -> {
							// exclusion and trigger constraints are not compared
						}
					}
				});
		List<Idx> indexes = new ArrayList<>();
		forEachRow(connection, "SELECT ic.relname, i.indisunique, "
				+ "pg_get_expr(i.indpred, i.indrelid), pg_get_indexdef(i.indexrelid), "
				+ "ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) k "
				+ "ORDER BY k) FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = ? "
				+ "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid "
				+ "AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x')) ORDER BY ic.relname", oid, (rows) -> {
					String definition = withoutSchema(rows.getString(4), schema);
					indexes.add(new Idx(rows.getString(1), strings(rows.getArray(5)), rows.getBoolean(2),
							rows.getString(3), definition, definition));
				});
		return new Table(name, columns, primaryKey.isEmpty() ? null : primaryKey.get(0), uniques, foreignKeys, checks,
				indexes, null);
	}

	/** Runs the query with the table's oid as its one parameter and reads every row. */
	private static void forEachRow(Connection connection, String sql, long oid, RowReader reader) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, oid);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					reader.read(rows);
				}
			}
		}
	}

	@FunctionalInterface
	private interface RowReader {

		void read(ResultSet rows) throws SQLException;

	}

	/** {@code CHECK ((price > 0))} to {@code price > 0}; {@code NOT VALID} is dropped. */
	static String checkExpression(String definition) {
		String text = definition.trim();
		if (text.endsWith(" NOT VALID")) {
			text = text.substring(0, text.length() - " NOT VALID".length());
		}
		if (text.regionMatches(true, 0, "CHECK", 0, 5)) {
			text = text.substring(5);
		}
		return Normalize.stripParentheses(text);
	}

	/**
	 * {@code CREATE INDEX ix ON public.users USING btree (email)} without {@code public.}
	 * nor the default method.
	 */
	static String withoutSchema(String definition, String schema) {
		String quoted = Pattern.quote(schema);
		String result = definition.replaceFirst(" ON (ONLY )?(" + quoted + "|\"" + quoted + "\")\\.", " ON $1");
		return result.replace(" USING btree ", " ");
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.asList((String[]) array.getArray());
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			return rows.next() ? rows.getString(1) : null;
		}
	}

	static boolean isSequenceDefault(String text) {
		Matcher matcher = NEXTVAL.matcher(text);
		return matcher.matches();
	}

}
