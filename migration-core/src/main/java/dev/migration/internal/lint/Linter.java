package dev.migration.internal.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migration.LintFinding;
import dev.migration.internal.dialect.Dialect;
import dev.migration.internal.operations.RenderingOperations;
import dev.migration.internal.revision.JavaBody;
import dev.migration.internal.revision.Revision;
import dev.migration.internal.revision.RevisionBody;
import dev.migration.internal.revision.SqlBody;
import dev.migration.internal.revision.SqlStatement;
import dev.migration.internal.source.SqlSyntax;

/**
 * Reads the SQL of revisions, in the order they run, and reports the statements that
 * {@link LintRule} names. No database is needed: a table counts as existing (and so as
 * possibly big and busy) unless a statement earlier in the same section created it; when
 * the database was read, a table it does not hold is new as well.
 * <p>
 * What a section does to tables is followed statement by statement: {@code CREATE TABLE},
 * renames, and data copied out with {@code INSERT ... SELECT} (SQLite's rebuild of a
 * table drops the old one after copying it).
 */
public final class Linter {

	private static final Pattern IGNORE = Pattern.compile("--\\s*lint:\\s*ignore\\s+([A-Za-z0-9_,\\- \\t]+)");

	/**
	 * Functions whose value differs per row, so that a default calling them is written
	 * into every row.
	 */
	private static final Set<String> VOLATILE = Set.of("random", "gen_random_uuid", "gen_random_bytes",
			"uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4", "uuidv7", "clock_timestamp",
			"timeofday", "nextval", "setseed");

	private static final Set<String> SERIAL = Set.of("serial", "bigserial", "smallserial", "serial2", "serial4",
			"serial8");

	private final Dialect dialect;

	private final SqlSyntax syntax;

	/**
	 * The tables of the database, lower-cased without schema; {@code null} when no
	 * database was read.
	 */
	private final Set<String> databaseTables;

	/**
	 * Tables that exist under a new name after a rename of an existing one earlier in the
	 * run.
	 */
	private Set<String> renamedExisting = new HashSet<>();

	/**
	 * {@code table.column} with a validated {@code CHECK (column IS NOT NULL)}: SET NOT
	 * NULL needs no scan.
	 */
	private Set<String> validatedNotNull = new HashSet<>();

	/** Check constraints added NOT VALID that say {@code column IS NOT NULL}, by name. */
	private Map<String, String> notNullChecks = new HashMap<>();

	private ColumnTypes columnTypes = new ColumnTypes();

	private final List<LintFinding> findings = new ArrayList<>();

	/**
	 * The connection has a lock_timeout already (role, database or URL options): every
	 * section starts with it.
	 */
	private final boolean sessionLockTimeout;

	private Linter(Dialect dialect, DatabaseFacts database) {
		this.dialect = dialect;
		this.syntax = dialect.syntax();
		this.databaseTables = (database != null) ? database.tables() : null;
		this.sessionLockTimeout = database != null && database.lockTimeout();
		if (database != null) {
			this.columnTypes.known(database.columnTypes());
		}
	}

	/**
	 * The findings of the revisions' sections: SQL files as the database splits them,
	 * Java revisions as their operations render (a Java revision whose code needs a
	 * database is passed over).
	 * @param revisions in the order they run
	 * @param dialect the database the revisions are for; PostgreSQL's rules do not fire
	 * for SQLite
	 * @param database what the database holds, or {@code null} when no database was read
	 */
	public static List<LintFinding> lint(List<Revision> revisions, Dialect dialect, DatabaseFacts database) {
		Linter linter = new Linter(dialect, database);
		for (Revision revision : revisions) {
			linter.lint(revision);
		}
		return List.copyOf(linter.findings);
	}

	private void lint(Revision revision) {
		List<SqlStatement> upgradeStatements = statements(revision.upgrade());
		if (upgradeStatements == null) {
			return;
		}
		Section upgrade = new Section(revision, null, this.sessionLockTimeout);
		for (SqlStatement statement : upgradeStatements) {
			new StatementCheck(upgrade, statement).run();
		}
		List<SqlStatement> downgradeStatements = revision.reversible() ? statements(revision.downgrade()) : null;
		if (downgradeStatements != null) {
			// a downgrade runs after the revisions that follow: what it changes is not
			// where they start from
			RunState afterUpgrade = new RunState(this);
			Section downgrade = new Section(revision, upgrade, this.sessionLockTimeout);
			for (SqlStatement statement : downgradeStatements) {
				new StatementCheck(downgrade, statement).run();
			}
			afterUpgrade.restore(this);
		}
	}

	/**
	 * A section's statements: a SQL file's as the database splits them, a Java revision's
	 * as its operations render for the dialect (line 0: a class has no lines);
	 * {@code null} when its code cannot run without a database.
	 */
	private List<SqlStatement> statements(RevisionBody body) {
		if (body instanceof SqlBody sql) {
			return sql.statements(this.dialect.syntax());
		}
		if (!(body instanceof JavaBody java)) {
			return null;
		}
		RenderingOperations operations = new RenderingOperations(this.dialect);
		try {
			java.run(operations);
		}
		catch (Exception ex) {
			// code that needs its connection shows its SQL only when it runs
			return null;
		}
		List<SqlStatement> statements = new ArrayList<>();
		for (String statement : operations.statements()) {
			if (!statement.startsWith("--")) {
				statements.add(new SqlStatement(statement, 0));
			}
		}
		return statements;
	}

	private boolean postgres() {
		return this.syntax == SqlSyntax.POSTGRESQL;
	}

	/** A copy of what the revisions read so far left behind, to go back to. */
	private record RunState(Set<String> renamedExisting, Set<String> validatedNotNull,
			Map<String, String> notNullChecks, ColumnTypes columnTypes) {

		RunState(Linter linter) {
			this(new HashSet<>(linter.renamedExisting), new HashSet<>(linter.validatedNotNull),
					new HashMap<>(linter.notNullChecks), linter.columnTypes.copy());
		}

		void restore(Linter linter) {
			linter.renamedExisting = this.renamedExisting;
			linter.validatedNotNull = this.validatedNotNull;
			linter.notNullChecks = this.notNullChecks;
			linter.columnTypes = this.columnTypes;
		}

	}

	/** What one section (upgrade or downgrade) of a revision did so far. */
	private static final class Section {

		final Revision revision;

		/** The upgrade of a downgrade section, {@code null} for an upgrade. */
		final Section upgrade;

		final Set<String> created = new HashSet<>();

		final Set<String> copied = new HashSet<>();

		final Set<String> addedColumns = new HashSet<>();

		/**
		 * Existing tables renamed away, with their findings: a table created again under
		 * the name was rebuilt.
		 */
		final Map<String, LintFinding> renamedAway = new HashMap<>();

		boolean lockTimeout;

		boolean lockTimeoutReported;

		Section(Revision revision, Section upgrade, boolean lockTimeout) {
			this.revision = revision;
			this.upgrade = upgrade;
			this.lockTimeout = lockTimeout;
		}

	}

	/** The checks of one statement, with its suppressed rules. */
	private final class StatementCheck {

		private final Section section;

		private final SqlStatement statement;

		private final String sql;

		private final Words words;

		private final Set<String> ignored;

		StatementCheck(Section section, SqlStatement statement) {
			this.section = section;
			this.statement = statement;
			this.sql = statement.sql();
			this.words = Words.of(this.sql);
			this.ignored = ignoredRules(this.sql, this.words);
		}

		void run() {
			Words w = this.words;
			if (w.size() == 0) {
				return;
			}
			if (w.is(0, "SET") && w.contains("lock_timeout") || setConfigOfLockTimeout()) {
				this.section.lockTimeout = true;
			}
			else if (w.is(0, "CREATE")) {
				create();
			}
			else if (w.is(0, "ALTER", "TABLE")) {
				alterTable();
			}
			else if (w.is(0, "DROP", "TABLE")) {
				dropTables();
			}
			else if (w.is(0, "INSERT", "INTO")) {
				recordCopies();
			}
			else if (w.is(0, "VACUUM")) {
				vacuum();
			}
			else if (w.is(0, "CLUSTER") && postgres()) {
				report(LintRule.VACUUM_FULL_OR_CLUSTER, null, "CLUSTER rewrites the whole table in index order",
						LintRule.VACUUM_FULL_OR_CLUSTER.lock());
			}
		}

		private boolean setConfigOfLockTimeout() {
			for (int index = 0; index < this.words.size(); index++) {
				if (this.words.get(index).kind() == 's'
						&& this.words.get(index).text().equalsIgnoreCase("'lock_timeout'")) {
					return true;
				}
			}
			return false;
		}

		private void create() {
			Words w = this.words;
			int index = 1;
			while (w.is(index, "OR") || w.is(index, "REPLACE") || w.is(index, "TEMP") || w.is(index, "TEMPORARY")
					|| w.is(index, "UNLOGGED") || w.is(index, "GLOBAL") || w.is(index, "LOCAL")) {
				index++;
			}
			if (w.is(index, "TABLE")) {
				index++;
				if (w.is(index, "IF", "NOT", "EXISTS")) {
					index += 3;
				}
				if (w.isName(index)) {
					String table = w.name(index);
					this.section.created.add(table);
					columnTypes.created(table, this.sql);
					// SQLite's rebuild: rename the table away, create it again, copy the
					// rows, drop the old one
					LintFinding rename = this.section.renamedAway.remove(table);
					if (rename != null) {
						findings.remove(rename);
					}
				}
			}
			else if (w.is(index, "UNIQUE", "INDEX") || w.is(index, "INDEX")) {
				createIndex(index + (w.is(index, "UNIQUE") ? 2 : 1));
			}
			else if (w.is(index, "TRIGGER") || w.is(index, "CONSTRAINT", "TRIGGER")) {
				int on = w.find(index, "ON");
				if (on > 0 && w.isName(on + 1)) {
					ddlOn(w.name(on + 1));
				}
			}
		}

		private void createIndex(int afterIndex) {
			if (!postgres()) {
				return;
			}
			Words w = this.words;
			boolean concurrently = w.is(afterIndex, "CONCURRENTLY");
			int on = w.find(afterIndex, "ON");
			int tableAt = w.is(on + 1, "ONLY") ? on + 2 : on + 1;
			if (on < 0 || !w.isName(tableAt)) {
				return;
			}
			String table = w.name(tableAt);
			if (concurrently) {
				if (this.section.revision.transactional()) {
					report(LintRule.CONCURRENTLY_IN_TRANSACTION, null, "CREATE INDEX CONCURRENTLY on " + table
							+ " cannot run inside a transaction block, and this revision runs in one", null);
				}
				return;
			}
			if (existing(table)) {
				ddlOn(table);
				report(LintRule.REQUIRE_CONCURRENT_INDEX, table,
						"CREATE INDEX on existing table " + table
								+ " without CONCURRENTLY blocks writes to it until the index is built",
						"SHARE on " + table + " (blocks writes)");
			}
		}

		private void alterTable() {
			Words w = this.words;
			int index = 2;
			if (w.is(index, "IF", "EXISTS")) {
				index += 2;
			}
			if (w.is(index, "ONLY")) {
				index++;
			}
			if (!w.isName(index)) {
				return;
			}
			String table = w.name(index);
			index = w.afterName(index);
			if (index < w.size() && w.get(index).isPunct('*')) {
				index++;
			}
			boolean existing = existing(table);
			if (existing) {
				ddlOn(table);
			}
			for (Words action : w.splitAtCommas(index)) {
				alterAction(table, existing, action);
			}
		}

		private void alterAction(String table, boolean existing, Words action) {
			if (action.is(0, "RENAME")) {
				rename(table, existing, action);
			}
			else if (action.is(0, "ADD")) {
				int index = 1;
				if (action.is(index, "CONSTRAINT")) {
					index += 2;
				}
				if (action.is(index, "CHECK") || action.is(index, "FOREIGN") || action.is(index, "UNIQUE")
						|| action.is(index, "PRIMARY") || action.is(index, "EXCLUDE")) {
					addConstraint(table, existing, action, index);
				}
				else {
					addColumn(table, existing, action);
				}
			}
			else if (action.is(0, "ALTER")) {
				alterColumn(table, existing, action);
			}
			else if (action.is(0, "DROP") && !action.is(1, "CONSTRAINT") && !action.is(1, "DEFAULT")) {
				int index = action.is(1, "COLUMN") ? 2 : 1;
				if (action.is(index, "IF", "EXISTS")) {
					index += 2;
				}
				if (action.isName(index)) {
					dropColumn(table, existing, action.name(index));
				}
			}
			else if (action.is(0, "VALIDATE", "CONSTRAINT") && action.isName(2)) {
				String column = notNullChecks.get(action.name(2));
				if (column != null) {
					validatedNotNull.add(column);
				}
			}
		}

		private void rename(String table, boolean existing, Words action) {
			if (action.is(1, "TO") && action.isName(2)) {
				String newName = action.name(2);
				if (this.section.created.contains(table)) {
					this.section.created.add(newName);
				}
				else if (existing) {
					renamedExisting.add(newName);
					LintFinding finding = report(LintRule.RENAMING_TABLE, table,
							"RENAME TO " + newName + " renames existing table " + table
									+ ": the running version of the application still "
									+ "uses the old name until it is replaced (a rolling deploy fails meanwhile)",
							null);
					if (finding != null) {
						this.section.renamedAway.put(table, finding);
					}
				}
				return;
			}
			if (action.is(1, "CONSTRAINT")) {
				return;
			}
			int index = action.is(1, "COLUMN") ? 2 : 1;
			if (existing && action.isName(index)) {
				String column = action.name(index);
				report(LintRule.RENAMING_COLUMN, table, "RENAME COLUMN " + column + " of existing table " + table
						+ ": the running version of the application still uses the old name until it is replaced "
						+ "(a rolling deploy fails meanwhile)", null);
			}
		}

		private void addColumn(String table, boolean existing, Words action) {
			int index = action.is(1, "COLUMN") ? 2 : 1;
			if (action.is(index, "IF", "NOT", "EXISTS")) {
				index += 3;
			}
			if (!action.isName(index)) {
				return;
			}
			String column = action.name(index);
			columnTypes.declared(table, column, action, index + 1);
			if (this.section.upgrade == null) {
				this.section.addedColumns.add(table + "." + column);
			}
			if (!existing || !postgres()) {
				return;
			}
			String type = action.isName(index + 1) ? action.name(index + 1) : "";
			String rewrite = null;
			if (SERIAL.contains(type)) {
				rewrite = "its type " + type + " has a default of nextval(), a new value for every row";
			}
			else if (action.find(index, "GENERATED") > 0 && action.contains("IDENTITY")) {
				rewrite = "an identity column gets a new value for every row";
			}
			else if (action.find(index, "GENERATED") > 0 && action.contains("STORED")) {
				rewrite = "a stored generated column is computed and written for every row";
			}
			else {
				int defaultAt = action.find(index, "DEFAULT");
				String function = (defaultAt > 0) ? volatileCall(action, defaultAt + 1) : null;
				if (function != null) {
					rewrite = "its default calls " + function + "(), which is volatile: every row gets its own value";
				}
			}
			if (rewrite != null) {
				report(LintRule.ADDING_VOLATILE_DEFAULT, table, "ADD COLUMN " + column + " rewrites existing table "
						+ table + " under ACCESS EXCLUSIVE: " + rewrite,
						"ACCESS EXCLUSIVE on " + table + " (blocks reads and writes)");
			}
			int unique = action.find(index, "UNIQUE");
			int primary = action.find(index, "PRIMARY", "KEY");
			if (unique > 0 || primary > 0) {
				report(LintRule.UNIQUE_CONSTRAINT_WITHOUT_INDEX, table,
						"ADD COLUMN " + column + " " + ((unique > 0) ? "UNIQUE" : "PRIMARY KEY")
								+ " builds an index on existing table " + table + " while blocking reads and writes",
						null);
			}
		}

		private String volatileCall(Words action, int from) {
			for (int index = from; index + 1 < action.size(); index++) {
				if (action.get(index).kind() == 'w' && action.get(index + 1).isPunct('(')) {
					String name = action.name(index);
					if (VOLATILE.contains(name)) {
						return name;
					}
				}
			}
			return null;
		}

		private void addConstraint(String table, boolean existing, Words action, int kindAt) {
			String name = action.is(1, "CONSTRAINT") && action.isName(2) ? action.name(2) : null;
			boolean notValid = action.find(kindAt, "NOT", "VALID") > 0;
			if (action.is(kindAt, "CHECK")) {
				String column = notNullColumn(action, kindAt + 1);
				if (column != null && notValid && name != null) {
					notNullChecks.put(name, table + "." + column);
				}
				else if (column != null && !notValid) {
					validatedNotNull.add(table + "." + column);
				}
			}
			if (!existing || !postgres()) {
				return;
			}
			String label = (name != null) ? "CONSTRAINT " + name + " " : "";
			if ((action.is(kindAt, "CHECK") || action.is(kindAt, "FOREIGN")) && !notValid) {
				boolean foreign = action.is(kindAt, "FOREIGN");
				int references = action.find(kindAt, "REFERENCES");
				String referenced = (references > 0 && action.isName(references + 1)) ? action.name(references + 1)
						: "the referenced table";
				report(LintRule.CONSTRAINT_MISSING_NOT_VALID, table,
						"ADD " + label + (foreign ? "FOREIGN KEY" : "CHECK") + " on existing table " + table
								+ " without NOT VALID checks every row while holding its lock",
						foreign ? "SHARE ROW EXCLUSIVE on " + table + " and " + referenced + " (blocks writes)"
								: "ACCESS EXCLUSIVE on " + table + " (blocks reads and writes)");
			}
			else if ((action.is(kindAt, "UNIQUE") || action.is(kindAt, "PRIMARY"))
					&& action.find(kindAt, "USING", "INDEX") < 0) {
				report(LintRule.UNIQUE_CONSTRAINT_WITHOUT_INDEX, table,
						"ADD " + label + (action.is(kindAt, "UNIQUE") ? "UNIQUE" : "PRIMARY KEY")
								+ " on existing table " + table + " builds its index while blocking reads and writes",
						null);
			}
		}

		/**
		 * The column of a check {@code (column IS NOT NULL)}, or {@code null} for any
		 * other check.
		 */
		private String notNullColumn(Words action, int groupAt) {
			if (groupAt < action.size() && action.get(groupAt).isPunct('(') && action.isName(groupAt + 1)) {
				int after = action.afterName(groupAt + 1);
				if (action.is(after, "IS", "NOT", "NULL") && after + 3 < action.size()
						&& action.get(after + 3).isPunct(')')) {
					return action.name(groupAt + 1);
				}
			}
			return null;
		}

		private void alterColumn(String table, boolean existing, Words action) {
			int index = action.is(1, "COLUMN") ? 2 : 1;
			if (!postgres() || !action.isName(index)) {
				return;
			}
			String column = action.name(index);
			int next = action.afterName(index);
			if (action.is(next, "TYPE") || action.is(next, "SET", "DATA", "TYPE")) {
				int typeAt = action.is(next, "TYPE") ? next + 1 : next + 3;
				String oldType = columnTypes.typeOf(table, column);
				String newType = ColumnTypes.type(action, typeAt);
				columnTypes.declared(table, column, action, typeAt);
				boolean using = action.find(typeAt, "USING") > 0;
				if (existing && (oldType == null || using || !ColumnTypes.withoutRewrite(oldType, newType))) {
					report(LintRule.CHANGING_COLUMN_TYPE, table, "ALTER COLUMN " + column + " TYPE " + newType
							+ " on existing table " + table + " rewrites the table and its indexes"
							+ ((oldType == null) ? " unless the old type is binary compatible (no revision read "
									+ "declared the column)" : " (it was " + oldType + ")"),
							"ACCESS EXCLUSIVE on " + table + " (blocks reads and writes)");
				}
			}
			else if (existing && action.is(next, "SET", "NOT", "NULL")
					&& !validatedNotNull.contains(table + "." + column)) {
				report(LintRule.SETTING_NOT_NULL, table,
						"SET NOT NULL on " + table + "." + column
								+ " scans the whole existing table under ACCESS EXCLUSIVE: no validated CHECK ("
								+ column + " IS NOT NULL) comes before it",
						"ACCESS EXCLUSIVE on " + table + " (blocks reads and writes)");
			}
		}

		private void dropColumn(String table, boolean existing, String column) {
			Section upgrade = this.section.upgrade;
			if (upgrade != null && upgrade.addedColumns.contains(table + "." + column)) {
				report(LintRule.DOWNGRADE_DROPS_DATA, table, "the downgrade drops column " + table + "." + column
						+ " that the upgrade added: a rollback loses what was written to it since", null);
			}
			else if (existing) {
				report(LintRule.DROPPING_COLUMN, table, "DROP COLUMN " + column + " of existing table " + table
						+ " loses its data, and the running version of the application fails while it still uses it",
						null);
			}
		}

		private void dropTables() {
			Words w = this.words;
			int index = 2;
			if (w.is(index, "IF", "EXISTS")) {
				index += 2;
			}
			while (w.isName(index) && !w.is(index, "CASCADE") && !w.is(index, "RESTRICT")) {
				String table = w.name(index);
				dropTable(table);
				index = w.afterName(index);
				if (index < w.size() && w.get(index).isPunct(',')) {
					index++;
				}
			}
		}

		private void dropTable(String table) {
			Section upgrade = this.section.upgrade;
			boolean dataKept = this.section.created.contains(table) || this.section.copied.contains(table);
			columnTypes.dropped(table);
			if (dataKept) {
				this.section.created.remove(table);
				return;
			}
			if (upgrade != null && upgrade.created.contains(table)) {
				report(LintRule.DOWNGRADE_DROPS_DATA, table, "the downgrade drops table " + table
						+ " that the upgrade created: a rollback loses every row written to it since", null);
			}
			else if (existing(table)) {
				ddlOn(table);
				report(LintRule.DROPPING_TABLE, table, "DROP TABLE " + table
						+ " loses its data, and the running version of the application fails while it still uses it",
						null);
			}
		}

		/**
		 * {@code INSERT INTO new SELECT ... FROM old}: the old table's rows live on, so
		 * dropping it loses nothing.
		 */
		private void recordCopies() {
			Words w = this.words;
			int select = w.find(2, "SELECT");
			if (select < 0) {
				return;
			}
			for (int index = select; index + 1 < w.size(); index++) {
				if ((w.is(index, "FROM") || w.is(index, "JOIN")) && w.isName(index + 1)) {
					this.section.copied.add(w.name(index + 1));
				}
			}
		}

		private void vacuum() {
			Words w = this.words;
			if (!postgres()) {
				report(LintRule.VACUUM_FULL_OR_CLUSTER, null,
						"VACUUM rebuilds the whole SQLite database file and " + "blocks every writer until it ends",
						"EXCLUSIVE on the whole database file");
				return;
			}
			// VACUUM FULL t, or VACUUM (FULL, ANALYZE) t
			boolean full = w.is(1, "FULL") || (w.size() > 1 && w.get(1).isPunct('(') && w.contains("FULL"));
			if (full) {
				report(LintRule.VACUUM_FULL_OR_CLUSTER, null, "VACUUM FULL rewrites the whole table",
						LintRule.VACUUM_FULL_OR_CLUSTER.lock());
			}
		}

		/**
		 * A statement that locks an existing table: the first one of a section without
		 * lock_timeout is reported.
		 */
		private void ddlOn(String table) {
			if (!postgres() || this.section.lockTimeout || this.section.lockTimeoutReported) {
				return;
			}
			this.section.lockTimeoutReported = true;
			report(LintRule.MISSING_LOCK_TIMEOUT, table,
					"no lock_timeout is set before this statement on existing " + "table " + table
							+ ": while it waits for its lock behind a long transaction, every query on " + table
							+ " waits behind it",
					null);
		}

		/**
		 * Whether the table may hold rows in use: not when this section created it, nor,
		 * when the database was read, when it holds no such table (an upgrade's downgrade
		 * runs after it, so there the database does not count).
		 */
		private boolean existing(String table) {
			if (this.section.created.contains(table)) {
				return false;
			}
			return this.section.upgrade != null || databaseTables == null || databaseTables.contains(table)
					|| renamedExisting.contains(table);
		}

		/**
		 * Adds the finding unless the rule does not apply to the database or is ignored;
		 * returns it, else null.
		 */
		private LintFinding report(LintRule rule, String table, String message, String lock) {
			if (rule.postgresOnly() && !postgres()) {
				return null;
			}
			if (this.ignored.contains(rule.id())) {
				return null;
			}
			String lockTaken = (lock != null) ? lock
					: (table != null) ? rule.lock().replaceFirst("^(ACCESS EXCLUSIVE)", "$1 on " + table) : rule.lock();
			String direction = (this.section.upgrade == null) ? "upgrade" : "downgrade";
			LintFinding finding = new LintFinding(this.section.revision.location(), this.statement.line(),
					this.section.revision.id(), rule.id(), rule.severity(), lockTaken, message + " (" + direction + ")",
					rule.safeAlternative());
			findings.add(finding);
			return finding;
		}

	}

	/**
	 * The rules named by {@code -- lint: ignore <rule>[, <rule>]} comments on the lines
	 * before the statement.
	 */
	private static Set<String> ignoredRules(String sql, Words words) {
		int codeStart = (words.size() > 0) ? words.get(0).start() : sql.length();
		Set<String> ignored = new HashSet<>();
		Matcher matcher = IGNORE.matcher(sql.substring(0, codeStart));
		while (matcher.find()) {
			for (String rule : matcher.group(1).trim().split("[,\\s]+")) {
				ignored.add(rule.toLowerCase(Locale.ROOT));
			}
		}
		return ignored;
	}

}
