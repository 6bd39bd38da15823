package dev.migration.internal.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migration.internal.dialect.SqliteDialect;
import dev.migration.internal.operations.SqliteTable.ColumnDefinition;
import dev.migration.internal.operations.SqliteTable.Element;
import dev.migration.internal.source.SqlLexer;
import dev.migration.operations.Column;
import dev.migration.operations.ColumnChange;

/**
 * SQLite's move-and-copy ("batch mode"), the procedure of SQLite's own documentation
 * (ALTER TABLE, section 7): create the changed table under a temporary name, copy the
 * rows, drop the old table, rename the new one, recreate its indexes, triggers and the
 * views that use it, then {@code PRAGMA foreign_key_check}. It runs inside a savepoint,
 * so inside the step's transaction it is part of the step, and alone it is atomic; any
 * failure rolls all of it back. Foreign keys are off during the copy: switched off here
 * outside a transaction, or by the executor before the step's transaction, since SQLite
 * ignores the pragma inside one.
 *
 * @param foreignKeysSuspended whether the executor switched foreign keys off for the
 * step, so that they count as on although the pragma says off
 */
record SqliteTableCopy(Connection connection, SqlRenderer renderer, boolean foreignKeysSuspended) {

	/** Runs the operation as a move-and-copy; returns the statements it ran. */
	List<String> run(Operation operation) throws SQLException {
		String table = tableOf(operation);
		String createSql = single("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", table);
		if (createSql == null) {
			throw new SQLException("no such table: " + table);
		}
		if (operation instanceof Operation.AlterColumn alter && alter.change().newName() != null) {
			// rename first: SQLite rewrites indexes, triggers and constraints that name
			// the column
			for (String sql : this.renderer.alterColumn(new Operation.AlterColumn(alter.table(), alter.column(),
					ColumnChange.to().rename(alter.change().newName())))) {
				execute(sql);
			}
			createSql = single("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", table);
		}
		SqliteTable before = SqliteTable.parse(createSql);
		SqliteTable after = change(before, operation);
		boolean enforced = pragma("foreign_keys") == 1;
		boolean foreignKeys = enforced || this.foreignKeysSuspended;
		boolean switchedOff = false;
		if (enforced) {
			execute("PRAGMA foreign_keys = OFF");
			// a no-op inside a transaction: then the copy must not drop a table other
			// tables reference
			switchedOff = pragma("foreign_keys") == 0;
			if (!switchedOff) {
				List<String> children = referencingTables(table);
				if (!children.isEmpty()) {
					throw new SQLException("SQLite cannot move and copy table " + table + " inside this transaction: "
							+ "PRAGMA foreign_keys is on and tables " + String.join(", ", children)
							+ " reference it, so dropping the old table would delete or orphan their rows. SQLite "
							+ "ignores the pragma inside a transaction; the engine switches it off before the step "
							+ "only when recording the revision beforehand shows a move-and-copy, and this one asks "
							+ "for connection() (or fails without a database) before it. Call the operation before "
							+ "connection(), or put it in a revision of its own, or open the connection with "
							+ "foreign_keys off (the copy checks foreign keys itself)");
				}
			}
		}
		List<String> statements = new ArrayList<>();
		List<String> dependents = dependents(table, operation);
		List<String> views = views(table);
		execute("SAVEPOINT migration_copy");
		try {
			String temporary = "_migration_copy_" + table;
			for (String view : views) {
				run(statements, "DROP VIEW " + this.renderer.quote(viewName(view)));
			}
			run(statements, after.createSql(this.renderer, temporary));
			List<String> columns = copiedColumns(before, after, operation);
			String list = this.renderer.quoteAll(columns);
			run(statements, "INSERT INTO " + this.renderer.quote(temporary) + " (" + list + ") SELECT " + list
					+ " FROM " + this.renderer.quote(table));
			run(statements, "DROP TABLE " + this.renderer.quote(table));
			execute("PRAGMA legacy_alter_table = ON");
			try {
				run(statements,
						"ALTER TABLE " + this.renderer.quote(temporary) + " RENAME TO " + this.renderer.quote(table));
			}
			finally {
				execute("PRAGMA legacy_alter_table = OFF");
			}
			for (String sql : dependents) {
				run(statements, sql);
			}
			for (String view : views) {
				run(statements, view);
			}
			if (foreignKeys) {
				List<String> violations = SqliteDialect.foreignKeyViolations(this.connection);
				if (!violations.isEmpty()) {
					throw new SQLException("FOREIGN KEY constraint failed after copying table " + table + ": "
							+ String.join("; ", violations) + " (rows orphaned before the copy count too)");
				}
			}
			execute("RELEASE migration_copy");
		}
		catch (SQLException | RuntimeException ex) {
			execute("ROLLBACK TO migration_copy");
			execute("RELEASE migration_copy");
			throw ex;
		}
		finally {
			if (switchedOff) {
				execute("PRAGMA foreign_keys = ON");
			}
		}
		return statements;
	}

	private SqliteTable change(SqliteTable table, Operation operation) {
		List<Element> elements = new ArrayList<>(table.elements());
		if (operation instanceof Operation.AddColumn add) {
			Column column = add.column();
			int last = 0;
			for (int i = 0; i < elements.size(); i++) {
				if (elements.get(i).isColumn()) {
					last = i + 1;
				}
			}
			String text = this.renderer.column(column, !hasPrimaryKey(elements));
			elements.add(last, SqliteTable.element(text));
		}
		else if (operation instanceof Operation.DropColumn drop) {
			boolean found = elements
				.removeIf((element) -> element.isColumn() && element.column().equalsIgnoreCase(drop.column()));
			if (!found) {
				throw new IllegalStateException("Table " + drop.table() + " has no column " + drop.column());
			}
			// like PostgreSQL's DROP COLUMN: constraints on the column go with it
			elements.removeIf((element) -> !element.isColumn()
					&& SqliteTable.mentions(constrained(element.text()), drop.column()));
		}
		else if (operation instanceof Operation.AlterColumn alter) {
			String name = alter.finalName();
			int index = indexOfColumn(elements, name, alter.table());
			ColumnDefinition column = SqliteTable.column(elements.get(index).text());
			ColumnChange change = alter.change();
			String type = (change.type() != null) ? this.renderer.type(change.type()) : column.type();
			List<String> clauses = new ArrayList<>();
			for (String clause : column.clauses()) {
				String upper = clause.toUpperCase(Locale.ROOT);
				boolean nullability = upper.startsWith("NOT NULL") || upper.startsWith("NULL");
				if ((change.nullable() != null && nullability)
						|| (change.changesServerDefault() && upper.startsWith("DEFAULT"))) {
					continue;
				}
				clauses.add(clause);
			}
			if (Boolean.FALSE.equals(change.nullable())) {
				clauses.add("NOT NULL");
			}
			if (change.serverDefault() != null) {
				clauses.add("DEFAULT " + this.renderer.serverDefault(change.serverDefault()));
			}
			elements.set(index, SqliteTable.element(new ColumnDefinition(name, type, clauses).render(this.renderer)));
		}
		else if (operation instanceof Operation.AddConstraint add) {
			elements.add(SqliteTable.element(this.renderer.constraint(add.constraint())));
		}
		else if (operation instanceof Operation.DropConstraint drop) {
			boolean found = elements.removeIf((element) -> drop.name().equalsIgnoreCase(element.constraintName()));
			if (!found) {
				// a named constraint written inside a column definition
				for (int i = 0; i < elements.size(); i++) {
					Element element = elements.get(i);
					if (!element.isColumn()) {
						continue;
					}
					ColumnDefinition column = SqliteTable.column(element.text());
					List<String> clauses = new ArrayList<>(column.clauses());
					if (clauses.removeIf((clause) -> clause.toUpperCase(Locale.ROOT)
						.matches("CONSTRAINT\\s+[\"`\\[]?"
								+ java.util.regex.Pattern.quote(drop.name().toUpperCase(Locale.ROOT))
								+ "[\"`\\]]?\\s.*"))) {
						elements.set(i, SqliteTable.element(
								new ColumnDefinition(column.name(), column.type(), clauses).render(this.renderer)));
						found = true;
					}
				}
			}
			if (!found) {
				throw new IllegalStateException("Table " + drop.table() + " has no constraint named " + drop.name());
			}
		}
		return table.with(elements);
	}

	private static int indexOfColumn(List<Element> elements, String name, String table) {
		for (int i = 0; i < elements.size(); i++) {
			if (elements.get(i).isColumn() && elements.get(i).column().equalsIgnoreCase(name)) {
				return i;
			}
		}
		throw new IllegalStateException("Table " + table + " has no column " + name);
	}

	private static boolean hasPrimaryKey(List<Element> elements) {
		for (Element element : elements) {
			if (element.text().toUpperCase(Locale.ROOT).contains("PRIMARY KEY")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The part of a table constraint that names this table's columns (not a foreign key's
	 * referenced ones).
	 */
	private static String constrained(String text) {
		int references = text.toUpperCase(Locale.ROOT).indexOf("REFERENCES");
		return (references < 0) ? text : text.substring(0, references);
	}

	private static List<String> copiedColumns(SqliteTable before, SqliteTable after, Operation operation) {
		List<String> columns = new ArrayList<>();
		List<String> old = before.columns();
		for (String column : after.columns()) {
			for (String existing : old) {
				if (existing.equalsIgnoreCase(column)) {
					columns.add(column);
				}
			}
		}
		return columns;
	}

	/**
	 * The indexes and triggers of the table to create again; indexes on a dropped column
	 * go with it.
	 */
	private List<String> dependents(String table, Operation operation) throws SQLException {
		List<String> statements = new ArrayList<>();
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT type, name, sql FROM sqlite_master "
				+ "WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name")) {
			statement.setString(1, table);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					String sql = result.getString(3);
					if (operation instanceof Operation.DropColumn drop && result.getString(1).equals("index")
							&& SqliteTable.mentions(sql.substring(sql.indexOf('(')), drop.column())) {
						continue;
					}
					statements.add(sql);
				}
			}
		}
		return statements;
	}

	private List<String> views(String table) throws SQLException {
		List<String> views = new ArrayList<>();
		try (Statement statement = this.connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'view'")) {
			while (result.next()) {
				String sql = result.getString(1);
				if (SqliteTable.mentions(sql, table)) {
					views.add(sql);
				}
			}
		}
		return views;
	}

	private static String viewName(String createView) {
		List<SqlLexer.Token> tokens = SqlLexer.groupedTokens(createView);
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i).upper().equals("VIEW")) {
				int name = i + 1;
				if (tokens.get(name).upper().equals("IF")) {
					name += 3;
				}
				return tokens.get(name).identifier();
			}
		}
		throw new IllegalStateException("Cannot read the name of view: " + createView);
	}

	private List<String> referencingTables(String table) throws SQLException {
		List<String> children = new ArrayList<>();
		List<String> tables = new ArrayList<>();
		try (Statement statement = this.connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
			while (result.next()) {
				tables.add(result.getString(1));
			}
		}
		for (String candidate : tables) {
			if (candidate.equalsIgnoreCase(table)) {
				continue;
			}
			try (Statement statement = this.connection.createStatement();
					ResultSet result = statement
						.executeQuery("PRAGMA foreign_key_list(" + this.renderer.literal(candidate) + ")")) {
				while (result.next()) {
					if (result.getString("table").equalsIgnoreCase(table) && !children.contains(candidate)) {
						children.add(candidate);
					}
				}
			}
		}
		return children;
	}

	private int pragma(String name) throws SQLException {
		try (Statement statement = this.connection.createStatement();
				ResultSet result = statement.executeQuery("PRAGMA " + name)) {
			return result.next() ? result.getInt(1) : 0;
		}
	}

	private String single(String sql, String parameter) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			statement.setString(1, parameter);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() ? result.getString(1) : null;
			}
		}
	}

	private void run(List<String> statements, String sql) throws SQLException {
		execute(sql);
		statements.add(sql);
	}

	private void execute(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
	}

	static String tableOf(Operation operation) {
		if (operation instanceof Operation.AddColumn add) {
			return add.table();
		}
		if (operation instanceof Operation.DropColumn drop) {
			return drop.table();
		}
		if (operation instanceof Operation.AlterColumn alter) {
			return alter.table();
		}
		if (operation instanceof Operation.AddConstraint add) {
			return add.table();
		}
		if (operation instanceof Operation.DropConstraint drop) {
			return drop.table();
		}
		throw new IllegalStateException("Not a table change: " + operation);
	}

}
