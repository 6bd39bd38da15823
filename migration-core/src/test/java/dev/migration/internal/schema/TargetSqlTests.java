package dev.migration.internal.schema;

import java.util.List;

import dev.migration.internal.revision.SqlStatement;
import dev.migration.internal.source.SqlSyntax;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What of a dump reaches the scratch database, and how names lose the compared schema's
 * qualifier (no database: the tests with a database are in
 * {@link TargetSchemasAsUsersHaveThemTests}).
 */
class TargetSqlTests {

	@Test
	void theComparedSchemasQualifierGoesOutsideStringsCommentsAndBodies() {
		assertThat(TargetSql.unqualified("ALTER SEQUENCE public.s OWNED BY \"public\".t.id", "public"))
			.isEqualTo("ALTER SEQUENCE s OWNED BY t.id");
		assertThat(TargetSql.unqualified("SELECT 'public.x', nextval('public.s'::regclass), "
				+ "nextval('\"public\".\"s\"'::\"regclass\") -- public.y", "public"))
			.isEqualTo("SELECT 'public.x', nextval('s'::regclass), nextval('\"s\"'::\"regclass\") -- public.y");
		assertThat(TargetSql.unqualified("CREATE FUNCTION public.f() RETURNS int AS $$ SELECT public.g() $$", "public"))
			.isEqualTo("CREATE FUNCTION f() RETURNS int AS $$ SELECT public.g() $$");
		assertThat(TargetSql.unqualified("CREATE TABLE app.t (a public.citext, b publicity.x, c db.public.y)", "app"))
			.isEqualTo("CREATE TABLE t (a public.citext, b publicity.x, c db.public.y)");
		assertThat(TargetSql.unqualified("CREATE EXTENSION citext WITH SCHEMA public", "public"))
			.isEqualTo("CREATE EXTENSION citext WITH SCHEMA public");
	}

	@Test
	void whatOnlyRestoresADumpIsLeftOutAndLinesKeepTheirNumbers() {
		String dump = """
				\\restrict abc
				ALTER TABLE IF EXISTS ONLY public.t DROP CONSTRAINT IF EXISTS t_pkey;
				DROP TABLE IF EXISTS public.t;
				DROP SCHEMA IF EXISTS public;
				SET statement_timeout = 0;
				SELECT pg_catalog.set_config('search_path', '', false);
				CREATE SCHEMA public;
				CREATE SCHEMA IF NOT EXISTS audit;
				COMMENT ON SCHEMA public IS 'standard public schema';
				CREATE TABLE public.t (id integer);
				ALTER TABLE public.t OWNER TO someone;
				GRANT SELECT ON public.t TO reader;
				ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO reader;
				ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);
				CREATE PUBLICATION changes FOR TABLE public.t;
				ALTER PUBLICATION changes ADD TABLE public.t;
				CREATE EVENT TRIGGER audit ON ddl_command_start EXECUTE FUNCTION public.audit();
				\\unrestrict abc
				RESET ALL;
				""";
		List<SqlStatement> statements = TargetSql.statements("dump.sql", dump, SqlSyntax.POSTGRESQL, "public");
		// --clean's drops stay for TargetGuard, which runs a drop only on what the target
		// itself created
		assertThat(statements).extracting(SqlStatement::sql)
			.containsExactly("ALTER TABLE IF EXISTS ONLY t DROP CONSTRAINT IF EXISTS t_pkey", "DROP TABLE IF EXISTS t",
					"DROP SCHEMA IF EXISTS public", "CREATE SCHEMA IF NOT EXISTS audit", "CREATE TABLE t (id integer)",
					"ALTER TABLE ONLY t ADD CONSTRAINT t_pkey PRIMARY KEY (id)");
		assertThat(statements).extracting(SqlStatement::line).containsExactly(2, 3, 4, 8, 10, 14);
	}

	@Test
	void sqliteInternalTablesAreLeftOut() {
		String schema = """
				CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT);
				CREATE TABLE sqlite_sequence(name,seq);
				CREATE TABLE IF NOT EXISTS "sqlite_stat1"(tbl,idx,stat);
				ANALYZE sqlite_schema;
				INSERT INTO sqlite_stat1 VALUES('t','x','1');
				/* No STAT tables available */
				""";
		assertThat(TargetSql.statements("schema.sql", schema, SqlSyntax.SQLITE, null)).extracting(SqlStatement::sql)
			.containsExactly("CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT)");
	}

}
