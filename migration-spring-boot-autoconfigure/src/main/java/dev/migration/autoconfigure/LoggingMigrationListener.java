package dev.migration.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.migration.MigrationException;
import dev.migration.MigrationListener;
import dev.migration.Migrations;
import dev.migration.Step;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs each step the way the CLI prints it
 * ({@code Running upgrade <from> -> <to>, <message>}) and, at the end of every startup
 * upgrade, one INFO line, also when nothing ran: an operator reads which database is at
 * which revision from the log of any start.
 */
final class LoggingMigrationListener implements MigrationListener {

	private static final Log logger = LogFactory.getLog("dev.migration");

	/** Starts every step line: {@code [<schema>] } for a schema of migrations.schemas. */
	private final String prefix;

	LoggingMigrationListener(String prefix) {
		this.prefix = prefix;
	}

	/** These listeners for a schema of migrations.schemas: log lines name the schema. */
	static List<MigrationListener> forSchema(List<MigrationListener> listeners, String schema) {
		return listeners.stream()
			.map((listener) -> (listener instanceof LoggingMigrationListener)
					? new LoggingMigrationListener("[" + schema + "] ") : listener)
			.toList();
	}

	@Override
	public void stepStarted(Step step) {
		if (logger.isInfoEnabled()) {
			logger.info(this.prefix + "Running " + step.direction().word() + " " + Migrations.describeIds(step.from())
					+ " -> " + Migrations.describeIds(step.to())
					+ ((step.message() != null && !step.message().isEmpty()) ? ", " + step.message() : ""));
		}
	}

	@Override
	public void stepSucceeded(Step step, Duration duration) {
		if (logger.isDebugEnabled()) {
			logger.debug(this.prefix + "Finished " + step.direction().word() + " of " + step.revision() + " in "
					+ duration.toMillis() + " ms");
		}
	}

	@Override
	public void stepFailed(Step step, Duration duration, MigrationException failure) {
		logger.warn(this.prefix + "Failed " + step.direction().word() + " of " + step.revision() + " after "
				+ duration.toMillis() + " ms");
	}

}
