package dev.migration.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.migration.InvalidSettingException;
import dev.migration.MigrationConfiguration;
import dev.migration.MigrationException;
import dev.migration.Migrations;
import dev.migration.Redactor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code migration} command: Alembic's verbs over the core's {@link Migrations}
 * facade. Global options may come before or after the command, and each falls back to its
 * environment variable.
 */
@Command(name = "migration", usageHelpAutoWidth = true, resourceBundle = "dev.migration.cli.messages",
		version = "migration ${bundle:project.version}",
		description = "Alembic's revision model for SQL databases: write, apply and revert revisions.",
		subcommands = { InitCommand.class, RevisionCommand.class, MergeCommand.class, UpgradeCommand.class,
				DowngradeCommand.class, CurrentCommand.class, HistoryCommand.class, HeadsCommand.class,
				BranchesCommand.class, ShowCommand.class, StampCommand.class, CheckCommand.class, ValidateCommand.class,
				LintCommand.class },
		footer = { "  java -jar migration-cli.jar --url jdbc:sqlite:app.db upgrade heads" })
public final class MigrationCli implements Callable<Integer> {

	static final String DEFAULT_LOCATION = "db/revisions";

	/** The options that fall back to an environment variable. */
	private static final Set<String> ENVIRONMENT_OPTIONS = Set.of("--url", "--user", "--password", "--location",
			"--schema", "--version-table", "--history-table", "--schemas", "--urls", "--parallel", "--fail-fast",
			"--shard", "--dev-url");

	@Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
			description = "The database, e.g. jdbc:sqlite:app.db (env: MIGRATIONS_URL).")
	private String url;

	@Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "USER",
			description = "Database user (env: MIGRATIONS_USER).")
	private String user;

	@Option(names = "--password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD",
			description = "Database password (env: MIGRATIONS_PASSWORD).")
	private String password;

	@Option(names = "--location", scope = ScopeType.INHERIT, paramLabel = "DIR", defaultValue = DEFAULT_LOCATION,
			description = "The revisions directory (env: MIGRATIONS_LOCATION, default: " + DEFAULT_LOCATION + ").")
	private String location;

	@Option(names = "--classpath", scope = ScopeType.INHERIT, paramLabel = "PATH",
			description = "Jars and class folders holding Java revisions, separated by the platform's path separator.")
	private String classpath;

	@Option(names = "--schema", scope = ScopeType.INHERIT, paramLabel = "SCHEMA",
			description = "Schema of the version and history tables, created if missing (env: MIGRATIONS_SCHEMA, "
					+ "default: the connection's).")
	private String schema;

	@Option(names = "--version-table", scope = ScopeType.INHERIT, paramLabel = "TABLE",
			description = "The version table, e.g. alembic_version for a database Alembic versioned (env: "
					+ "MIGRATIONS_VERSION_TABLE, default: " + MigrationConfiguration.DEFAULT_VERSION_TABLE + ").")
	private String versionTable;

	@Option(names = "--history-table", scope = ScopeType.INHERIT, paramLabel = "TABLE",
			description = "The history table, created on the first write if missing (env: MIGRATIONS_HISTORY_TABLE, "
					+ "default: " + MigrationConfiguration.DEFAULT_HISTORY_TABLE + ").")
	private String historyTable;

	@Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
	private boolean debug;

	@Option(names = { "-h", "--help" }, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help.")
	private boolean help;

	@Option(names = "--version", versionHelp = true, description = "Print the version of migration and exit.")
	private boolean version;

	@Mixin
	private FleetOptions fleet = new FleetOptions();

	@Spec
	private CommandSpec spec;

	private final Map<String, String> environment;

	private final Console console;

	/** The member of a fleet that this command line runs for, or {@code null}. */
	private final FleetExecution.Member target;

	/** The command's scratch database, once it asked for one: its password is masked. */
	private String devUrl;

	/** Built at the first line printed, once the options are parsed. */
	private Redactor redactor;

	private MigrationCli(Map<String, String> environment, Console console, FleetExecution.Member target) {
		this.environment = Map.copyOf(environment);
		this.console = console.withRedactor(this::redactor);
		this.target = target;
	}

	public static void main(String[] args) {
		PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
		PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
		System.exit(execute(out, err, System.getenv(), args));
	}

	/**
	 * Runs one command line with the given streams and environment; returns the exit code
	 * (0, 1 or 2).
	 */
	public static int execute(PrintWriter out, PrintWriter err, Map<String, String> environment, String... args) {
		int exitCode = execute(new Console(out, err), environment, null, args);
		out.flush();
		err.flush();
		return exitCode;
	}

	/** Runs the command line for the whole fleet or one member of it. */
	static int execute(Console console, Map<String, String> environment, FleetExecution.Member target, String... args) {
		MigrationCli cli = new MigrationCli(environment, console, target);
		CommandLine commandLine = new CommandLine(cli);
		commandLine.setOut(console.out());
		commandLine.setErr(console.err());
		commandLine.setDefaultValueProvider(cli::environmentValue);
		commandLine.setExecutionStrategy(new FleetExecution(cli, args));
		commandLine.setParameterExceptionHandler((ex, arguments) -> {
			cli.console.failed(
					ex.getMessage() + ". See '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
			return 2;
		});
		commandLine.setExecutionExceptionHandler((ex, failed, parseResult) -> {
			if (cli.debug) {
				cli.console.stackTrace(ex);
			}
			cli.console.failed(message(ex));
			return (ex instanceof UsageException || ex instanceof InvalidSettingException) ? 2 : 1;
		});
		return commandLine.execute(args);
	}

	private static String message(Exception ex) {
		return (ex instanceof MigrationException || ex instanceof UsageException) ? ex.getMessage()
				: ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	/**
	 * The environment variable of an option that has one, {@code --version-table}: {@code
	 * MIGRATIONS_VERSION_TABLE}; an empty one counts as not set (an empty variable in a
	 * CI file), and spaces around a value other than the password go.
	 */
	private String environmentValue(ArgSpec argument) {
		String name = (argument instanceof OptionSpec option) ? option.longestName() : "";
		String value = ENVIRONMENT_OPTIONS.contains(name)
				? this.environment.get("MIGRATIONS_" + name.substring(2).toUpperCase(Locale.ROOT).replace('-', '_'))
				: null;
		if (value == null || value.isBlank()) {
			return null;
		}
		// a password is taken as it is: its spaces may be part of it
		return name.equals("--password") ? value : value.strip();
	}

	@Override
	public Integer call() {
		throw new ParameterException(this.spec.commandLine(), "Missing command");
	}

	Console console() {
		return this.console;
	}

	FleetOptions fleet() {
		return this.fleet;
	}

	FleetExecution.Member target() {
		return this.target;
	}

	Map<String, String> environment() {
		return this.environment;
	}

	String location() {
		return this.location;
	}

	/** The database's URL; blank counts as not given. */
	String url() {
		return (this.url != null && !this.url.isBlank()) ? this.url : null;
	}

	String user() {
		return this.user;
	}

	/** Masks the passwords of the options, the environment and the fleet member. */
	Redactor redactor() {
		if (this.redactor == null) {
			this.redactor = Redactor.of(this.url, this.password)
				.and(this.devUrl, null)
				.and(this.environment.get("MIGRATIONS_DEV_URL"), null)
				.and((this.target != null) ? this.target.target().url() : null, null);
		}
		return this.redactor;
	}

	/** Who ran a step, for the history rows of an offline script. */
	String operator() {
		return (this.user != null) ? this.user : System.getProperty("user.name", "cli");
	}

	/** The revisions only: for commands that work from the folder alone. */
	Migrations revisions() {
		return Migrations.create(configuration().build());
	}

	/** The revisions and the database (a fleet member's); no URL is a usage error. */
	Migrations database() {
		return database(null);
	}

	/** As {@link #database()}, with a scratch database ({@code null}: none). */
	Migrations database(String devUrl) {
		if (this.target != null) {
			return this.target.migrations(List.of(this.console.stepPrinter()));
		}
		if (url() == null) {
			throw new UsageException("No database given: pass --url JDBC_URL or set MIGRATIONS_URL.");
		}
		this.devUrl = devUrl;
		this.redactor = null;
		return Migrations.create(configuration().devUrl(devUrl).build());
	}

	/** The revisions, with the dialect of --dialect or the URL: no connection. */
	Migrations offline(String dialect) {
		String url = String.valueOf(this.url).toLowerCase(Locale.ROOT);
		String chosen = (dialect != null) ? dialect
				: url.startsWith("jdbc:sqlite:") ? "sqlite" : url.startsWith("jdbc:postgresql:") ? "postgresql" : null;
		if (chosen == null) {
			throw new UsageException("An offline script needs --dialect postgresql|sqlite (or --url to take it from).");
		}
		if (!chosen.equals("postgresql") && !chosen.equals("sqlite")) {
			throw new UsageException("Unknown --dialect '" + chosen + "': use postgresql or sqlite.");
		}
		return Migrations.create(configuration().dialect(chosen).build());
	}

	private MigrationConfiguration.Builder configuration() {
		// null leaves the core's default
		MigrationConfiguration.Builder builder = MigrationConfiguration.builder()
			.url(this.url)
			.user(this.user)
			.password(this.password)
			.locations(this.location)
			.schema(this.schema)
			.versionTable(this.versionTable)
			.historyTable(this.historyTable)
			.listeners(this.console.stepPrinter());
		return (this.classpath != null) ? builder.javaRevisionClasspath(this.classpath) : builder;
	}

	static List<String> splitRange(String range, String example) {
		int colon = range.indexOf(':');
		if (colon < 0) {
			throw new UsageException("'" + range + "' is not a START:END range, e.g. " + example + ".");
		}
		return List.of(range.substring(0, colon).trim(), range.substring(colon + 1).trim());
	}

}
