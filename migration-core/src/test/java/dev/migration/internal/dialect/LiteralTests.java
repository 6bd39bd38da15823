package dev.migration.internal.dialect;

import java.nio.file.Path;
import java.util.List;

import dev.migration.support.PostgresDatabase;
import dev.migration.support.SqliteDatabase;
import dev.migration.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline scripts write values as literals: whatever a message or a user name holds, the
 * database must read back exactly that text.
 */
class LiteralTests {

	private static final List<String> TRICKY = List.of("plain", "it's", "back\\slash", "\\'; DROP TABLE x; --",
			"two\nlines", "ünïcødé ✓", "");

	@TempDir
	Path temporary;

	@Test
	void postgresReadsEveryLiteralBackAsItWas() {
		assertLiteralsRoundTrip(new PostgresDialect(), PostgresDatabase.create());
	}

	@Test
	void postgresReadsBackslashesLiterallyEvenWithoutStandardConformingStrings() {
		PostgresDatabase database = PostgresDatabase.create();
		database.execute("ALTER DATABASE " + database.name() + " SET standard_conforming_strings = off");
		assertLiteralsRoundTrip(new PostgresDialect(), database);
	}

	@Test
	void sqliteReadsEveryLiteralBackAsItWas() {
		assertLiteralsRoundTrip(new SqliteDialect(), SqliteDatabase.in(this.temporary));
	}

	private static void assertLiteralsRoundTrip(Dialect dialect, TestDatabase database) {
		for (String value : TRICKY) {
			assertThat(database.queryStrings("SELECT " + dialect.literal(value))).containsExactly(value);
		}
	}

}
