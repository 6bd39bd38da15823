package dev.migration.cli;

import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import dev.migration.Fleet;
import dev.migration.FleetResult;
import dev.migration.FleetTarget;
import dev.migration.MigrationListener;
import dev.migration.Migrations;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

/**
 * Runs the parsed command as usual, or, with {@code --schemas} or {@code --urls}, the
 * whole command line once per target of the fleet on at most {@code --parallel} threads:
 * each target has its own database, its own console whose lines start with
 * {@code [<target>] }, and its own exit; the last line counts them.
 */
final class FleetExecution implements IExecutionStrategy {

	/** The commands that run per target; the others read the folder or print a script. */
	private static final Set<String> COMMANDS = Set.of("upgrade", "downgrade", "stamp", "current", "validate",
			"history");

	private final MigrationCli cli;

	private final String[] args;

	FleetExecution(MigrationCli cli, String[] args) {
		this.cli = cli;
		this.args = args;
	}

	@Override
	public int execute(ParseResult parseResult) throws ExecutionException {
		ParseResult last = parseResult;
		boolean fleetOnlyOption = false;
		for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
			last = level;
			fleetOnlyOption |= level.hasMatchedOption("--parallel") || level.hasMatchedOption("--fail-fast")
					|| level.hasMatchedOption("--shard");
		}
		if (this.cli.target() != null || !this.cli.fleet().isFleet()) {
			if (fleetOnlyOption && this.cli.target() == null) {
				throw new ParameterException(last.commandSpec().commandLine(),
						"--parallel, --fail-fast and --shard go with --schemas LIST or --urls FILE");
			}
			return new RunLast().execute(parseResult);
		}
		if (CommandLine.printHelpIfRequested(parseResult)) {
			return 0;
		}
		try {
			return run(last);
		}
		catch (RuntimeException ex) {
			throw new ExecutionException(last.commandSpec().commandLine(), String.valueOf(ex.getMessage()), ex);
		}
	}

	private int run(ParseResult command) {
		String name = command.commandSpec().name();
		if (!COMMANDS.contains(name)) {
			throw new UsageException("--schemas and --urls run upgrade, downgrade, stamp, current, validate and "
					+ "history once per target, not '" + name + "'.");
		}
		if (command.hasMatchedOption("--sql")) {
			throw new UsageException("--sql prints one script and runs nothing: give it one --url, not a fleet.");
		}
		FleetOptions options = this.cli.fleet();
		Migrations template = (options.schemas != null) ? this.cli.database() : this.cli.revisions();
		Fleet fleet = Fleet.of(template).parallelism(options.parallel).failFast(options.failFast);
		List<FleetTarget> targets = fleet.targets(options.schemas, options.urls, options.shard);
		FleetResult<Integer> result;
		try (TargetLog log = new TargetLog(this.cli.console())) {
			result = fleet.run(targets, (target) -> {
				Console console = this.cli.console().withPrefix("[" + target.name() + "] ");
				log.consoles.set(console);
				int exitCode = MigrationCli.execute(console, this.cli.environment(), new Member(fleet, target),
						this.args);
				if (exitCode != 0) {
					throw new TargetFailed(exitCode);
				}
				return exitCode;
			});
		}
		if (result.notStarted() > 0) {
			this.cli.console()
				.warn("--fail-fast: " + result.notStarted() + " of " + targets.size()
						+ " not started after the first failure.");
		}
		this.cli.console().print(result.summary(options.urls != null));
		return result.isSuccess() ? 0 : 1;
	}

	/** The target a command line runs for: its database is the fleet's for it. */
	record Member(Fleet fleet, FleetTarget target) {

		Migrations migrations(List<MigrationListener> listeners) {
			return this.fleet.migrations(this.target, listeners);
		}

	}

	/** The command line of a target reported its failure itself and exited with this. */
	private static final class TargetFailed extends Exception {

		private static final long serialVersionUID = 1L;

		TargetFailed(int exitCode) {
			super("exit code " + exitCode, null, false, false);
		}

	}

	/** The engine's log lines (a lock wait) go to the console of the target that logs. */
	private static final class TargetLog extends Handler implements AutoCloseable {

		private final Logger logger = Logger.getLogger("dev.migration");

		private final boolean usedParentHandlers;

		private final ThreadLocal<Console> consoles;

		TargetLog(Console fallback) {
			this.consoles = ThreadLocal.withInitial(() -> fallback);
			this.usedParentHandlers = this.logger.getUseParentHandlers();
			setLevel(Level.INFO);
			this.logger.addHandler(this);
			this.logger.setUseParentHandlers(false);
		}

		@Override
		public void publish(LogRecord record) {
			if (isLoggable(record)) {
				String message = new SimpleFormatter().formatMessage(record);
				this.consoles.get().warn(record.getLevel().getName() + ": " + message);
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
