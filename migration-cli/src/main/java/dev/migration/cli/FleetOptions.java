package dev.migration.cli;

import java.nio.file.Path;

import dev.migration.Fleet;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options that run a command once per schema or database of a fleet; the core's
 * {@link Fleet} checks their values.
 */
final class FleetOptions {

	@Option(names = "--schemas", scope = ScopeType.INHERIT, paramLabel = "LIST",
			description = "Run the command once per schema (PostgreSQL): names and LIKE patterns, e.g. 'tenant_%%', "
					+ "separated by commas; tables in each schema and search_path set to it (env: MIGRATIONS_SCHEMAS).")
	String schemas;

	@Option(names = "--urls", scope = ScopeType.INHERIT, paramLabel = "FILE",
			description = "Run the command once per database: a file with one JDBC URL per line, # comments "
					+ "(env: MIGRATIONS_URLS).")
	Path urls;

	@Option(names = "--parallel", scope = ScopeType.INHERIT, paramLabel = "N",
			description = "With --schemas or --urls: at most N targets at once (env: MIGRATIONS_PARALLEL, default: "
					+ Fleet.DEFAULT_PARALLELISM + ").")
	int parallel = Fleet.DEFAULT_PARALLELISM;

	@Option(names = "--fail-fast", scope = ScopeType.INHERIT,
			description = "With --schemas or --urls: start no further target after one failed (env: "
					+ "MIGRATIONS_FAIL_FAST=true).")
	boolean failFast;

	@Option(names = "--shard", scope = ScopeType.INHERIT, paramLabel = "K/N",
			description = "With --schemas or --urls: only the K-th of N disjoint parts of the fleet, by a stable hash "
					+ "of each name, e.g. one part per Kubernetes indexed Job (env: MIGRATIONS_SHARD).")
	String shard;

	boolean isFleet() {
		return this.schemas != null || this.urls != null;
	}

}
