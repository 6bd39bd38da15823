package dev.migration.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migration.Fleet;
import dev.migration.Migrations;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options that run a command once per schema or database of a fleet, and which target
 * the current thread works for: the commands ask the command line for their database and
 * console, and in a fleet each worker thread is answered with its own target's.
 */
final class FleetOptions {

	@Option(names = "--schemas", scope = ScopeType.INHERIT, paramLabel = "LIST",
			description = "Run the command once per schema (PostgreSQL): names and LIKE patterns, e.g. 'tenant_%%', "
					+ "separated by commas; tables in each schema and search_path set to it (env: MIGRATIONS_SCHEMAS).")
	private String schemas;

	@Option(names = "--urls", scope = ScopeType.INHERIT, paramLabel = "FILE",
			description = "Run the command once per database: a file with one JDBC URL per line, # comments "
					+ "(env: MIGRATIONS_URLS).")
	private String urls;

	@Option(names = "--parallel", scope = ScopeType.INHERIT, paramLabel = "N",
			description = "With --schemas or --urls: at most N targets at once (env: MIGRATIONS_PARALLEL, default: "
					+ Fleet.DEFAULT_PARALLELISM + ").")
	private Integer parallel;

	@Option(names = "--fail-fast", scope = ScopeType.INHERIT,
			description = "With --schemas or --urls: start no further target after one failed (env: "
					+ "MIGRATIONS_FAIL_FAST=true).")
	private boolean failFast;

	@Option(names = "--shard", scope = ScopeType.INHERIT, paramLabel = "K/N",
			description = "With --schemas or --urls: only the K-th of N disjoint parts of the fleet, by a stable hash "
					+ "of each name, e.g. one part per Kubernetes indexed Job (env: MIGRATIONS_SHARD).")
	private String shard;

	private static final Pattern SHARD = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

	private final ThreadLocal<Member> member = new ThreadLocal<>();

	String schemas(MigrationCli cli) {
		return value(this.schemas, cli.environment("MIGRATIONS_SCHEMAS"));
	}

	String urls(MigrationCli cli) {
		return value(this.urls, cli.environment("MIGRATIONS_URLS"));
	}

	boolean isFleet(MigrationCli cli) {
		return schemas(cli) != null || urls(cli) != null;
	}

	/** Whether an option that only a fleet uses was given without --schemas or --urls. */
	boolean fleetOnlyOptionGiven() {
		return this.parallel != null || this.failFast || this.shard != null;
	}

	int parallelism(MigrationCli cli) {
		String value = (this.parallel != null) ? this.parallel.toString()
				: value(null, cli.environment("MIGRATIONS_PARALLEL"));
		if (value == null) {
			return Fleet.DEFAULT_PARALLELISM;
		}
		try {
			int parallelism = Integer.parseInt(value);
			if (parallelism >= 1) {
				return parallelism;
			}
		}
		catch (NumberFormatException ex) {
			// refused below with the value
		}
		throw new UsageException("Invalid --parallel '" + value + "': give a number of targets, 1 or more.");
	}

	boolean failFast(MigrationCli cli) {
		return this.failFast || "true".equalsIgnoreCase(value(null, cli.environment("MIGRATIONS_FAIL_FAST")));
	}

	/** {@code [K, N]}, or {@code null} for the whole fleet. */
	int[] shard(MigrationCli cli) {
		String value = value(this.shard, cli.environment("MIGRATIONS_SHARD"));
		if (value == null) {
			return null;
		}
		Matcher parts = SHARD.matcher(value);
		if (!parts.matches() || Integer.parseInt(parts.group(1)) < 1
				|| Integer.parseInt(parts.group(1)) > Integer.parseInt(parts.group(2))) {
			throw new UsageException("Invalid --shard '" + value + "': use K/N with 1 <= K <= N, e.g. 2/4 for the "
					+ "second of four parts.");
		}
		return new int[] { Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)) };
	}

	private static String value(String option, String variable) {
		String value = (option != null) ? option : variable;
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** The console of the current thread's target, else the command line's. */
	Console console(Console console) {
		Member current = this.member.get();
		return (current != null) ? current.console() : console;
	}

	/** The database of the current thread's target, or {@code null} outside a fleet. */
	Migrations migrations() {
		Member current = this.member.get();
		return (current != null) ? current.migrations() : null;
	}

	void enter(Console console, Migrations migrations) {
		this.member.set(new Member(console, migrations));
	}

	void leave() {
		this.member.remove();
	}

	private record Member(Console console, Migrations migrations) {

	}

}
