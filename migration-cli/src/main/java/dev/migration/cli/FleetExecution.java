package dev.migration.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import dev.migration.Fleet;
import dev.migration.FleetResult;
import dev.migration.FleetTarget;
import dev.migration.Migrations;
import dev.migration.Redactor;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

/**
 * Runs the parsed command as usual, or, with {@code --schemas} or {@code --urls}, once
 * per target of the fleet on at most {@code --parallel} threads: each target has its own
 * database, its own console whose lines start with {@code [<target>] }, and its own exit;
 * the last line counts them.
 */
final class FleetExecution implements IExecutionStrategy {

	/**
	 * The commands that mean something per target; the others work from the revisions
	 * folder or print a script.
	 */
	static final Set<String> COMMANDS = Set.of("upgrade", "downgrade", "stamp", "current", "validate", "history");

	private final MigrationCli cli;

	private final PrintWriter out;

	private final PrintWriter err;

	FleetExecution(MigrationCli cli, PrintWriter out, PrintWriter err) {
		this.cli = cli;
		this.out = out;
		this.err = err;
	}

	@Override
	public int execute(ParseResult parseResult) throws ExecutionException {
		FleetOptions options = this.cli.fleet();
		if (!options.isFleet(this.cli)) {
			if (options.fleetOnlyOptionGiven()) {
				throw new CommandLine.ParameterException(parseResult.commandSpec().commandLine(),
						"--parallel, --fail-fast and --shard go with --schemas LIST or --urls FILE");
			}
			return new RunLast().execute(parseResult);
		}
		if (CommandLine.printHelpIfRequested(parseResult)) {
			return 0;
		}
		ParseResult last = parseResult;
		while (last.hasSubcommand()) {
			last = last.subcommand();
		}
		CommandLine command = last.commandSpec().commandLine();
		try {
			return run(command, last, options);
		}
		catch (RuntimeException ex) {
			throw new ExecutionException(command, String.valueOf(ex.getMessage()), ex);
		}
	}

	private int run(CommandLine command, ParseResult parsed, FleetOptions options) {
		String name = command.getCommandName();
		if (!COMMANDS.contains(name) || !(command.getCommand() instanceof Callable<?>)) {
			throw new UsageException("--schemas and --urls run upgrade, downgrade, stamp, current, validate and "
					+ "history once per target, not '" + name + "'.");
		}
		if (parsed.hasMatchedOption("--sql")) {
			throw new UsageException("--sql prints one script and runs nothing: give it one --url, not a fleet.");
		}
		String schemas = options.schemas(this.cli);
		String urls = options.urls(this.cli);
		if (schemas != null && urls != null) {
			throw new UsageException(
					"Give --schemas LIST (schemas of one database) or --urls FILE (databases), " + "not both.");
		}
		int parallelism = options.parallelism(this.cli);
		int[] shard = options.shard(this.cli);
		Migrations template = (schemas != null) ? this.cli.database() : this.cli.revisions();
		Fleet fleet = Fleet.of(template).parallelism(parallelism).failFast(options.failFast(this.cli));
		List<FleetTarget> targets = (schemas != null) ? fleet.schemas(schemas) : Fleet.urls(Path.of(urls));
		if (shard != null) {
			targets = Fleet.shard(targets, shard[0], shard[1]);
		}
		Redactor redactor = this.cli.redactor();
		Callable<?> body = (Callable<?>) command.getCommand();
		FleetResult<Object> result;
		try (TargetLog log = new TargetLog(options, this.cli.console())) {
			result = fleet.run(targets, (target) -> runOne(fleet, target, body, redactor, options));
		}
		Console console = this.cli.console();
		if (result.notStarted() > 0) {
			console.warn("--fail-fast: " + result.notStarted() + " of " + targets.size()
					+ " not started after the first failure.");
		}
		console.print(result.summary(urls != null));
		return result.isSuccess() ? 0 : 1;
	}

	private Object runOne(Fleet fleet, FleetTarget target, Callable<?> body, Redactor redactor, FleetOptions options)
			throws Exception {
		String prefix = "[" + target.name() + "] ";
		Redactor targetRedactor = redactor.and(target.url(), null);
		try (PrefixedLines outLines = new PrefixedLines(this.out, prefix);
				PrefixedLines errLines = new PrefixedLines(this.err, prefix)) {
			Console console = new Console(new PrintWriter(outLines), new PrintWriter(errLines), () -> targetRedactor);
			try {
				options.enter(console, fleet.migrations(target, List.of(console.stepPrinter())));
				Object code = body.call();
				if (code instanceof Integer exit && exit != 0) {
					throw new TargetFailed(exit);
				}
				return code;
			}
			catch (TargetFailed ex) {
				throw ex;
			}
			catch (Exception ex) {
				if (this.cli.debug()) {
					console.stackTrace(ex);
				}
				console.failed(MigrationCli.message(ex));
				throw ex;
			}
			finally {
				options.leave();
			}
		}
	}

	/** The command reported its failure itself and returned its exit code. */
	private static final class TargetFailed extends Exception {

		private static final long serialVersionUID = 1L;

		TargetFailed(int exitCode) {
			super("exit code " + exitCode, null, false, false);
		}

	}

	/**
	 * The engine's log lines (e.g. waiting for a tenant's lock) go to the console of the
	 * target whose thread logs them, with its prefix, for as long as the fleet runs.
	 */
	private static final class TargetLog extends Handler implements AutoCloseable {

		private final Logger logger = Logger.getLogger("dev.migration");

		private final boolean usedParentHandlers;

		private final FleetOptions options;

		private final Console fallback;

		TargetLog(FleetOptions options, Console fallback) {
			this.options = options;
			this.fallback = fallback;
			this.usedParentHandlers = this.logger.getUseParentHandlers();
			setLevel(Level.INFO);
			this.logger.addHandler(this);
			this.logger.setUseParentHandlers(false);
		}

		@Override
		public void publish(LogRecord record) {
			if (isLoggable(record)) {
				String message = new SimpleFormatter().formatMessage(record);
				this.options.console(this.fallback).warn(record.getLevel().getName() + ": " + message);
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
			this.logger.removeHandler(this);
			this.logger.setUseParentHandlers(this.usedParentHandlers);
		}

	}

}
