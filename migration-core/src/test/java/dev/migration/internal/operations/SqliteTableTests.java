package dev.migration.internal.operations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table's stored definition read the way SQLite reads it: parentheses and commas inside
 * comments and bracketed names are text, not structure (the move-and-copy rebuilds the
 * table from these elements).
 */
class SqliteTableTests {

	@Test
	void parenthesesAndCommasInCommentsAndBracketedNamesAreNotStructure() {
		SqliteTable table = SqliteTable.parse("CREATE TABLE t (\n  id INTEGER PRIMARY KEY, -- the key (see docs\n"
				+ "  [a,b] TEXT /* was: x), y */,\n  note TEXT\n) STRICT");

		assertThat(table.elements()).extracting(SqliteTable.Element::column).containsExactly("id", "a,b", "note");
		assertThat(table.options()).isEqualTo("STRICT");
	}

}
