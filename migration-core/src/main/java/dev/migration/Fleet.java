package dev.migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migration.internal.dialect.ConnectionSource;
import dev.migration.internal.dialect.DatabaseMessages;
import dev.migration.internal.dialect.LockSessions;
import dev.migration.internal.fleet.FleetRunner;
import dev.migration.internal.fleet.SchemaList;
import dev.migration.internal.fleet.SearchPathDataSource;
import dev.migration.internal.fleet.Shards;
import dev.migration.internal.fleet.UrlFile;

/**
 * The same revisions run against many targets: a schema per tenant in one PostgreSQL
 * database, or a database per tenant. Each target is the ordinary engine on its own
 * connection and lock; for a schema the version and history tables live in it and
 * {@code search_path} is set to it, so one set of unqualified revisions serves every
 * tenant.
 *
 * <pre>{@code
 * Fleet fleet = Fleet.of(migrations).parallelism(8);
 * FleetResult<MigrationResult> result = fleet.run(fleet.schemas("tenant_%"),
 *         (target) -> fleet.migrations(target).upgrade("heads"));
 * }</pre>
 *
 * The revisions are read once, from the given {@link Migrations}; its configuration (URL
 * or DataSource, credentials, table names, listeners) is what every target starts from.
 * Instances are immutable.
 */
public final class Fleet {

	/** How many targets run at once unless told otherwise. */
	public static final int DEFAULT_PARALLELISM = 4;

	private static final Pattern SHARD = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

	private final Migrations migrations;

	/** The parallelism and fail-fast, held where they are used. */
	private final FleetRunner runner;

	private Fleet(Migrations migrations, FleetRunner runner) {
		this.migrations = migrations;
		this.runner = runner;
	}

	public static Fleet of(Migrations migrations) {
		return new Fleet(migrations, new FleetRunner(DEFAULT_PARALLELISM, false));
	}

	/** At most this many targets at once, each with its own connections. */
	public Fleet parallelism(int parallelism) {
		if (parallelism < 1) {
			throw new InvalidSettingException("parallelism",
					"Parallelism must be at least 1 target at once, got " + parallelism + ".");
		}
		return new Fleet(this.migrations, new FleetRunner(parallelism, this.runner.failFast()));
	}

	/** Whether a failure keeps targets that have not started yet from starting. */
	public Fleet failFast(boolean failFast) {
		return new Fleet(this.migrations, new FleetRunner(this.runner.parallelism(), failFast));
	}

	/**
	 * The schemas of the configured PostgreSQL database that a list names, in name order:
	 * comma-separated names (which must exist) and {@code LIKE} patterns with {@code %}
	 * (e.g. {@code tenant_%}; system schemas never match).
	 * @throws MigrationException when a named schema does not exist or the database is
	 * not PostgreSQL
	 */
	public List<FleetTarget> schemas(String list) {
		MigrationConfiguration settings = this.migrations.configuration();
		ConnectionSource connections = ConnectionSource.of(settings.dataSource(), settings.url(), settings.user(),
				settings.password());
		try (Connection connection = connections.open()) {
			String product = connection.getMetaData().getDatabaseProductName();
			if (!"PostgreSQL".equalsIgnoreCase(product)) {
				throw new MigrationException("A schema per tenant needs PostgreSQL, and " + connections.describe()
						+ " is " + product + ". Nothing was run. For a database per tenant, list the databases' URLs "
						+ "in a file instead (--urls FILE).");
			}
			return SchemaList.resolve(connection, SchemaList.entries(list), connections.describe())
				.stream()
				.map(FleetTarget::schema)
				.toList();
		}
		catch (SQLException ex) {
			throw new MigrationDatabaseException(
					connections.redactor()
						.redact("Cannot list the schemas of " + connections.describe() + ": "
								+ DatabaseMessages.sentence(ex.getMessage()) + " Nothing was run."),
					connections.redactor().redact((Throwable) ex));
		}
	}

	/**
	 * The databases of a file with one JDBC URL per line (blank lines and {@code #}
	 * comments skipped), in file order, each named by its URL without the password. The
	 * configured user and password apply to every URL that carries none of its own.
	 * @throws MigrationException naming the file and line of a line that is not a JDBC
	 * URL or repeats one
	 */
	public static List<FleetTarget> urls(Path file) {
		return UrlFile.read(file);
	}

	/**
	 * The targets a command names: the schemas of a list of this fleet's database (see
	 * {@link #schemas}) or the databases of a URL file (see {@link #urls}), and with a
	 * shard only its part (see {@link #shard(List, String)}).
	 * @param schemas the list of schemas, or {@code null}
	 * @param urlFile the file of URLs, or {@code null}
	 * @param shard {@code K/N}, or {@code null} for the whole fleet
	 * @throws InvalidSettingException unless exactly one of {@code schemas} and
	 * {@code urlFile} is given, or when the shard is not {@code K/N}
	 */
	public List<FleetTarget> targets(String schemas, Path urlFile, String shard) {
		if ((schemas == null) == (urlFile == null)) {
			throw new InvalidSettingException("schemas", "A fleet is the schemas of a list or the databases of a URL "
					+ "file: give one of them, " + ((schemas == null) ? "neither was given." : "not both."));
		}
		// a wrong shard is refused before the fleet is read
		int[] part = (shard != null) ? part(shard) : null;
		List<FleetTarget> targets = (schemas != null) ? schemas(schemas) : urls(urlFile);
		return (part != null) ? shard(targets, part[0], part[1]) : targets;
	}

	/**
	 * The part of the fleet that {@code K/N} names, as {@link #shard(List, int, int)}
	 * keeps it: what a job of N reads from its command line or index.
	 * @throws InvalidSettingException unless the part is {@code K/N} with 1 <= K <= N
	 */
	public static List<FleetTarget> shard(List<FleetTarget> targets, String part) {
		int[] numbers = part(part);
		return shard(targets, numbers[0], numbers[1]);
	}

	/** {@code K/N} as {@code [K, N]}. */
	private static int[] part(String text) {
		Matcher numbers = SHARD.matcher(text.strip());
		if (!numbers.matches() || Integer.parseInt(numbers.group(1)) < 1
				|| Integer.parseInt(numbers.group(1)) > Integer.parseInt(numbers.group(2))) {
			throw new InvalidSettingException("shard",
					"Invalid shard '" + text + "': use K/N with 1 <= K <= N, e.g. 2/4 for the second of four parts.");
		}
		return new int[] { Integer.parseInt(numbers.group(1)), Integer.parseInt(numbers.group(2)) };
	}

	/**
	 * Part {@code part} of {@code parts} of the fleet (1-based), by a stable hash of each
	 * target's name: the parts are disjoint, together they are the whole fleet, and every
	 * machine computes the same ones. A part may be empty.
	 * @throws MigrationException unless 1 <= part <= parts
	 */
	public static List<FleetTarget> shard(List<FleetTarget> targets, int part, int parts) {
		return Shards.part(targets, FleetTarget::name, part, parts);
	}

	/** The revisions against one target, with the fleet's listeners. */
	public Migrations migrations(FleetTarget target) {
		return migrations(target, this.migrations.configuration().listeners());
	}

	/**
	 * The revisions against one target, with listeners of its own (e.g. output that names
	 * the target).
	 */
	public Migrations migrations(FleetTarget target, List<MigrationListener> listeners) {
		MigrationConfiguration settings = this.migrations.configuration();
		MigrationConfiguration.Builder builder = settings.toBuilder().listeners(listeners);
		// the schemas of one database share the lock sessions of a run's worker threads;
		// the base Migrations names the database, whichever Fleet of it runs them
		Object lockSessionOwner = target.isSchema() ? this.migrations : null;
		if (target.isSchema()) {
			// the URL and password stay beside the DataSource: messages name the database
			// and mask its password
			builder.schema(target.schema())
				.dataSource(new SearchPathDataSource(settings.dataSource(), settings.url(), settings.user(),
						settings.password(), target.schema()));
		}
		else {
			builder.dataSource(null).url(target.url());
		}
		return this.migrations.retarget(builder.build(), lockSessionOwner);
	}

	/**
	 * Runs the task once per target, at most {@link #parallelism} at once, and waits for
	 * all. A target's exception is its failure and does not stop the others, unless
	 * fail-fast is on: then no further target starts. While it runs, each worker thread
	 * keeps one session for the schemas' advisory locks instead of opening one per
	 * schema; the sessions end with the run.
	 */
	public <R> FleetResult<R> run(List<FleetTarget> targets, Task<R> task) {
		MigrationConfiguration settings = this.migrations.configuration();
		ConnectionSource database = ConnectionSource
			.of(settings.dataSource(), settings.url(), settings.user(), settings.password())
			.onConnect(settings.initSqls(), settings.connectRetries());
		try (LockSessions sessions = new LockSessions(this.migrations, database)) {
			return this.runner.run(targets, (target) -> sessions.run(() -> task.run(target)));
		}
	}

	/** Upgrades every target to {@code target} ({@code heads}, an id, ...). */
	public FleetResult<MigrationResult> upgrade(List<FleetTarget> targets, String target) {
		return run(targets, (member) -> migrations(member).upgrade(target));
	}

	/** What runs for one target. */
	@FunctionalInterface
	public interface Task<R> {

		R run(FleetTarget target) throws Exception;

	}

}
