package dev.migration.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.migration.MigrationConfiguration;
import dev.migration.Migrations;
import dev.migration.SchemaFilter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The target schema, table filter and dev database that {@code check} and
 * {@code revision --autogenerate} share.
 */
final class TargetSchemaOptions {

	@Option(names = "--target-schema", paramLabel = "FILE",
			description = "The desired schema as SQL, also pg_dump --schema-only or sqlite3 .schema output as it is "
					+ "(default: schema.sql beside the revisions directory).")
	private Path targetSchema;

	@Option(names = "--include-table", paramLabel = "PATTERN",
			description = "Compare only tables (and views, functions, types, sequences) matching this glob "
					+ "(repeatable).")
	private List<String> includeTables = new ArrayList<>();

	@Option(names = "--exclude-table", paramLabel = "PATTERN",
			description = "Never compare tables (and views, functions, types, sequences) matching this glob "
					+ "(repeatable; spatial_ref_sys always is).")
	private List<String> excludeTables = new ArrayList<>();

	@Option(names = "--dev-url", paramLabel = "JDBC_URL",
			description = "A scratch PostgreSQL database to apply the target schema to, in a temporary schema rolled "
					+ "back at the end, instead of the database itself; same user and password unless the URL "
					+ "gives them (env: MIGRATIONS_DEV_URL).")
	private String devUrl;

	@Spec(Spec.Target.MIXEE)
	private CommandSpec command;

	/** Whether one of these options is on the command line (its environment aside). */
	boolean isGiven() {
		ParseResult parsed = this.command.commandLine().getParseResult();
		return Stream.of("--target-schema", "--include-table", "--exclude-table", "--dev-url")
			.anyMatch(parsed::hasMatchedOption);
	}

	/** The revisions and the database, with the dev database. */
	Migrations database(MigrationCli cli) {
		return cli.database(this.devUrl);
	}

	/** The option's file, else {@code schema.sql} beside the revisions directory. */
	Path targetSchema(MigrationCli cli) {
		return (this.targetSchema != null) ? this.targetSchema
				: MigrationConfiguration.targetSchemaBeside(cli.location());
	}

	SchemaFilter filter() {
		return SchemaFilter.defaults().including(this.includeTables).excluding(this.excludeTables);
	}

}
