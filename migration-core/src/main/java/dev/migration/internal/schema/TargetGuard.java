package dev.migration.internal.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.migration.MigrationException;
import dev.migration.internal.revision.SqlStatement;
import dev.migration.internal.source.SqlLexer;
import dev.migration.internal.source.SqlLexer.Token;

/**
 * Keeps a target schema's statements away from the relations of the database it is
 * applied in. The target runs in a scratch schema with the database's search path behind
 * it, so that the types, functions and operator classes of extensions resolve as in the
 * database; its relations must not: a statement that reached one would lock it (ACCESS
 * EXCLUSIVE for ALTER) until the comparison ends. Three fences, from the first to the
 * last:
 * <ul>
 * <li>every relation of the search path's schemas that the target names gets a stand-in:
 * an empty temporary sequence of the same name in {@code pg_temp}, which is placed before
 * those schemas, so that a name the target did not create resolves to the stand-in
 * (sequences have no row type, so no type name is hidden);</li>
 * <li>a name qualified with another schema ({@code audit.entries}) that is a relation of
 * the database is refused before its statement runs; a DROP (or
 * {@code ALTER TABLE IF EXISTS}) runs only when all it names is the target's own, and is
 * left out otherwise, as pg_dump --clean's are;</li>
 * <li>after each statement, a lock held on a stand-in, or a DDL lock on a relation of the
 * database (a name built in a DO block), refuses the target and rolls back;
 * {@code lock_timeout} keeps a wait for one short.</li>
 * </ul>
 */
final class TargetGuard {

	/**
	 * A statement that waits for a lock waits for someone else's object: the target's own
	 * are never contended.
	 */
	static final String LOCK_TIMEOUT = "100ms";

	private static final int STAND_INS_PER_COMMIT = 500;

	private static final Pattern WORD = Pattern.compile("\"((?:[^\"]|\"\")+)\"|([\\p{L}_][\\p{L}\\p{N}_$]*)");

	private final Connection connection;

	private final String targetName;

	/**
	 * Relations that existed before the target ran, by oid: the database's, and the
	 * stand-ins for them.
	 */
	private final Map<Long, Relation> existing = new HashMap<>();

	/** The database's relations by schema, then name. */
	private final Map<String, Map<String, Relation>> bySchema = new HashMap<>();

	/** Stand-ins by name: the relation of the database each stands for. */
	private final Map<String, Relation> standIns = new HashMap<>();

	private String scratch;

	/** The server process whose pg_temp holds the stand-ins. */
	private int backend;

	private TargetGuard(Connection connection, String targetName) {
		this.connection = connection;
		this.targetName = targetName;
	}

	/** A relation of the database, for messages. */
	record Relation(String schema, String name, String kind) {

		String qualified() {
			return this.schema + "." + this.name;
		}

		String described() {
			return this.qualified() + ", a " + this.kind + " of the database";
		}

	}

	/**
	 * Reads the database's relations and makes the stand-ins for those the target names,
	 * committed in their own transaction so that their creation holds no lock; call
	 * before the scratch transaction begins.
	 * @param pathSchemas the schemas of the live search path, quoted as
	 * {@code quote_ident} does
	 */
	static TargetGuard prepare(Connection connection, String targetName, List<String> pathSchemas, String targetSql)
			throws SQLException {
		TargetGuard guard = new TargetGuard(connection, targetName);
		guard.backend = guard.backend();
		guard.readRelations();
		guard.makeStandIns(pathSchemas, words(targetSql));
		return guard;
	}

	private void readRelations() throws SQLException {
		String query = "SELECT c.oid, n.nspname, c.relname, c.relkind FROM pg_class c "
				+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', "
				+ "'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND c.relkind <> 'c' "
				+ "AND (n.nspname NOT LIKE 'pg\\_temp\\_%' OR n.oid = pg_my_temp_schema())";
		try (Statement statement = this.connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				Relation relation = new Relation(rows.getString(2), rows.getString(3), kind(rows.getString(4)));
				this.existing.put(rows.getLong(1), relation);
				this.bySchema.computeIfAbsent(relation.schema(), (schema) -> new HashMap<>())
					.put(relation.name(), relation);
			}
		}
	}

	private void makeStandIns(List<String> pathSchemas, Set<String> words) throws SQLException {
		Map<String, Relation> first = new HashMap<>();
		try (PreparedStatement statement = this.connection.prepareStatement(
				"SELECT n.nspname, quote_ident(n.nspname) FROM pg_namespace n WHERE quote_ident(n.nspname) = ?")) {
			for (String quoted : pathSchemas) {
				statement.setString(1, quoted);
				try (ResultSet rows = statement.executeQuery()) {
					if (rows.next()) {
						for (Relation relation : this.bySchema.getOrDefault(rows.getString(1), Map.of()).values()) {
							if (words.contains(relation.name())) {
								first.putIfAbsent(relation.name(), relation);
							}
						}
					}
				}
			}
		}
		Set<String> temporary = this.bySchema.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith("pg_temp"))
			.flatMap((entry) -> entry.getValue().keySet().stream())
			.collect(Collectors.toSet());
		boolean autoCommit = this.connection.getAutoCommit();
		this.connection.setAutoCommit(false);
		try (Statement statement = this.connection.createStatement()) {
			StringBuilder batch = new StringBuilder();
			int count = 0;
			for (Relation relation : first.values()) {
				// a temporary relation of that name (a pooled session's) already hides
				// the database's
				if (!temporary.contains(relation.name())) {
					batch.append("CREATE TEMPORARY SEQUENCE ").append(quote(relation.name())).append(";\n");
					this.standIns.put(relation.name(), relation);
					count++;
				}
				// committed in batches: each creation holds a lock until its commit, and
				// the lock table is shared
				if (count == STAND_INS_PER_COMMIT) {
					statement.execute(batch.toString());
					this.connection.commit();
					batch.setLength(0);
					count = 0;
				}
			}
			if (!batch.isEmpty()) {
				statement.execute(batch.toString());
				this.connection.commit();
			}
		}
		catch (SQLException ex) {
			this.connection.rollback();
			throw ex;
		}
		finally {
			this.connection.setAutoCommit(autoCommit);
		}
		if (!this.standIns.isEmpty()) {
			try (PreparedStatement statement = this.connection.prepareStatement("SELECT c.oid, c.relname FROM "
					+ "pg_class c " + "WHERE c.relnamespace = pg_my_temp_schema() AND c.relname = ANY (?)")) {
				statement.setArray(1, this.connection.createArrayOf("text", this.standIns.keySet().toArray()));
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						this.existing.put(rows.getLong(1), this.standIns.get(rows.getString(2)));
					}
				}
			}
		}
	}

	/**
	 * Refuses to go on in another server session than the one that holds the stand-ins (a
	 * pooler that hands out a server connection per transaction): there the database's
	 * relations would not be hidden.
	 */
	void requireSameSession() throws SQLException {
		if (backend() != this.backend) {
			throw new MigrationException("Cannot apply the target schema " + this.targetName + ": the connection "
					+ "changed server sessions between two transactions (a pooler in transaction mode, such as "
					+ "PgBouncer's), so the guard that keeps the target's statements away from the database's tables "
					+ "is not in place. Nothing was run or changed in the database. Connect directly or through a "
					+ "session-mode pool, or give a dev database (--dev-url).");
		}
	}

	private int backend() throws SQLException {
		try (Statement statement = this.connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
			rows.next();
			return rows.getInt(1);
		}
	}

	/**
	 * Drops the stand-ins: a pooled session outlives the comparison (a closed one drops
	 * them by itself).
	 */
	void close() {
		if (this.standIns.isEmpty()) {
			return;
		}
		List<String> names = this.standIns.keySet().stream().map((name) -> "pg_temp." + quote(name)).toList();
		try (Statement statement = this.connection.createStatement()) {
			for (int from = 0; from < names.size(); from += STAND_INS_PER_COMMIT) {
				statement.execute("DROP SEQUENCE IF EXISTS "
						+ String.join(", ", names.subList(from, Math.min(names.size(), from + STAND_INS_PER_COMMIT))));
			}
		}
		catch (SQLException ex) {
			// a broken session drops its temporary objects when it ends; the comparison's
			// own error matters more
		}
	}

	/**
	 * The search path for the target: its scratch schema, the stand-ins, then the
	 * database's path.
	 */
	String searchPath(String scratchSchema, String livePath) {
		this.scratch = scratchSchema;
		return scratchSchema + ", pg_temp" + livePath;
	}

	/**
	 * Whether to run the statement: {@code false} for a DROP of what the target does not
	 * hold (pg_dump --clean's, or a history's of the database's own); refuses a statement
	 * that names a relation of another schema.
	 */
	boolean runs(SqlStatement statement) throws SQLException {
		List<Token> tokens = SqlLexer.tokens(statement.sql());
		String first = word(tokens, 0);
		boolean drop = first.equals("DROP")
				|| (first.equals("ALTER") && word(tokens, 1).equals("TABLE") && word(tokens, 2).equals("IF"));
		for (String[] name : TargetSql.qualifiedNames(statement.sql(), first.equals("DO"))) {
			Relation relation = this.bySchema.getOrDefault(name[0], Map.of()).get(name[1]);
			if (relation != null && !drop) {
				throw refusal(statement, relation, "names",
						"The statement was not run; nothing was changed in the database");
			}
		}
		return !drop || ownObjects(tokens);
	}

	/**
	 * A DROP of relations, types or functions, or of a trigger, policy or rule on a
	 * table, all in the scratch.
	 */
	private boolean ownObjects(List<Token> tokens) throws SQLException {
		int index = 1;
		StringBuilder kind = new StringBuilder();
		while (index < tokens.size() && tokens.get(index).kind() == 'w' && !word(tokens, index).equals("IF")
				&& kindWord(word(tokens, index))) {
			kind.append(kind.isEmpty() ? "" : " ").append(word(tokens, index));
			index++;
		}
		if (word(tokens, index).equals("CONCURRENTLY")) {
			index++;
		}
		if (word(tokens, index).equals("IF")) {
			index += 2;
		}
		if (word(tokens, index).equals("ONLY")) {
			index++;
		}
		String catalog = switch (kind.toString()) {
			case "TABLE", "VIEW", "MATERIALIZED VIEW", "SEQUENCE", "INDEX", "FOREIGN TABLE" -> "pg_class";
			case "TYPE", "DOMAIN" -> "pg_type";
			case "FUNCTION", "PROCEDURE", "ROUTINE", "AGGREGATE" -> "pg_proc";
			case "TRIGGER", "POLICY", "RULE" -> "on";
			default -> null;
		};
		if (catalog == null) {
			return false;
		}
		Set<String> names = new LinkedHashSet<>();
		boolean alter = word(tokens, 0).equals("ALTER");
		while (index < tokens.size()) {
			Token token = tokens.get(index);
			if (catalog.equals("on")) {
				int on = index;
				while (on < tokens.size() && !tokens.get(on).is("ON")) {
					on++;
				}
				catalog = "pg_class";
				index = on + 1;
				continue;
			}
			if (token.kind() != 'w' && token.kind() != 'q') {
				return false;
			}
			if (token.text().contains(".") || (index + 1 < tokens.size() && tokens.get(index + 1).isPunct('.'))) {
				return false;
			}
			names.add((token.kind() == 'q') ? token.identifier() : token.text().toLowerCase(Locale.ROOT));
			index++;
			if (index < tokens.size() && tokens.get(index).isPunct('(')) {
				index = SqlLexer.closing(tokens, index) + 1;
			}
			if (alter || index >= tokens.size() || !tokens.get(index).isPunct(',')) {
				break;
			}
			index++;
		}
		if (names.isEmpty()) {
			return false;
		}
		String prefix = switch (catalog) {
			case "pg_type" -> "typ";
			case "pg_proc" -> "pro";
			default -> "rel";
		};
		try (PreparedStatement statement = this.connection
			.prepareStatement("SELECT count(DISTINCT " + prefix + "name) FROM " + catalog + " WHERE " + prefix
					+ "namespace = to_regnamespace(?) AND " + prefix + "name = ANY (?)")) {
			statement.setString(1, this.scratch);
			statement.setArray(2, this.connection.createArrayOf("text", names.toArray()));
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getInt(1) == names.size();
			}
		}
	}

	private static boolean kindWord(String word) {
		return List
			.of("TABLE", "VIEW", "MATERIALIZED", "SEQUENCE", "INDEX", "FOREIGN", "TYPE", "DOMAIN", "FUNCTION",
					"PROCEDURE", "ROUTINE", "AGGREGATE", "TRIGGER", "POLICY", "RULE", "SCHEMA", "EXTENSION", "OWNED")
			.contains(word);
	}

	/**
	 * Refuses the target when the statement that just ran locked a stand-in, or took a
	 * DDL lock (SHARE UPDATE EXCLUSIVE or stronger) on a relation of the database; the
	 * weak locks of reads and writes are let through, as the database's own event
	 * triggers take them on DDL (a counter's nextval, say).
	 */
	void afterRunning(SqlStatement statement) throws SQLException {
		try (Statement jdbc = this.connection.createStatement();
				ResultSet rows = jdbc.executeQuery("SELECT relation::bigint, mode NOT IN ('AccessShareLock', "
						+ "'RowShareLock', 'RowExclusiveLock') FROM pg_locks WHERE pid = pg_backend_pid() "
						+ "AND locktype = 'relation' AND database = "
						+ "(SELECT oid FROM pg_database WHERE datname = current_database())")) {
			while (rows.next()) {
				Relation relation = this.existing.get(rows.getLong(1));
				boolean standIn = relation != null && this.standIns.get(relation.name()) == relation;
				if (relation != null && (standIn || rows.getBoolean(2))) {
					throw refusal(statement, relation, "reaches",
							"The statement was rolled back; nothing was changed in the database");
				}
			}
		}
	}

	/**
	 * The refusal for a statement that failed on a stand-in (the database's
	 * wrong_object_type: the stand-in is a sequence), or what to add to the database's
	 * error when it waited for a lock; {@code null} for other errors.
	 */
	MigrationException refusal(SqlStatement statement, SQLException ex) {
		if ("55P03".equals(ex.getSQLState())) {
			return new MigrationException("Target schema " + this.targetName + ":" + statement.line() + ": "
					+ String.valueOf(ex.getMessage()).strip() + ". The statement waited for a lock on an object of "
					+ "the database, which a target schema's statements must never reach: it may alter, index or "
					+ "drop only what it creates itself. The statement was rolled back; nothing was changed in the "
					+ "database; fix the target schema and run again.", ex);
		}
		if ("42809".equals(ex.getSQLState())) {
			Matcher quoted = Pattern.compile("\"((?:[^\"]|\"\")+)\"").matcher(String.valueOf(ex.getMessage()));
			while (quoted.find()) {
				Relation relation = this.standIns.get(quoted.group(1).replace("\"\"", "\""));
				if (relation != null) {
					return refusal(statement, relation, "names",
							"The statement was not run on it; nothing was changed in the database");
				}
			}
		}
		return null;
	}

	private MigrationException refusal(SqlStatement statement, Relation relation, String verb, String done) {
		return new MigrationException("Target schema " + this.targetName + ":" + statement.line() + " " + verb + " "
				+ relation.described() + explanation() + " " + done + "; fix the target schema and run again.");
	}

	private static String explanation() {
		return ", which the target schema does not create: a target schema is the schema as it should be and may "
				+ "alter, index or drop only what it creates itself (a history of migrations that changes what it "
				+ "did not create is not one: give the schema at its end, e.g. pg_dump --schema-only at head).";
	}

	/**
	 * Every identifier of the text, unquoted ones folded to lower case, in strings and
	 * bodies too.
	 */
	static Set<String> words(String sql) {
		Set<String> words = new HashSet<>();
		Matcher matcher = WORD.matcher(sql);
		while (matcher.find()) {
			if (matcher.group(1) != null) {
				words.add(matcher.group(1).replace("\"\"", "\""));
			}
			else {
				words.add(matcher.group(2).toLowerCase(Locale.ROOT));
				words.add(matcher.group(2));
			}
		}
		return words;
	}

	private static String kind(String relkind) {
		return switch (relkind) {
			case "v" -> "view";
			case "m" -> "materialized view";
			case "S" -> "sequence";
			case "i", "I" -> "index";
			case "f" -> "foreign table";
			default -> "table";
		};
	}

	private static String word(List<Token> tokens, int index) {
		return (index < tokens.size()) ? tokens.get(index).upper() : "";
	}

	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}
