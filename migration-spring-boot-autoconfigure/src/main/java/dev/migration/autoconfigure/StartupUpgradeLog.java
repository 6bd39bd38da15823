package dev.migration.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.migration.MigrationResult;
import dev.migration.Migrations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The one INFO line at the end of every startup upgrade, also when nothing ran: an operator reads which database is
 * at which revision from the log of any start.
 */
final class StartupUpgradeLog {

	private static final Log logger = LogFactory.getLog("dev.migration");

	private StartupUpgradeLog() {
	}

	static void log(Migrations migrations, String target, MigrationResult result, Duration duration) {
		if (logger.isInfoEnabled()) {
			logger.info(line(migrations, target, result, duration));
		}
	}

	static String line(Migrations migrations, String target, MigrationResult result, Duration duration) {
		List<String> rows = result.currentRows();
		String at = rows.isEmpty() ? "<base>"
				: ((rows.size() == 1) ? "revision " : "revisions ") + String.join(", ", rows);
		int steps = result.steps().size();
		return "Upgrade to '" + target + "' finished: " + migrations.database() + " is at " + at + ", " + steps
				+ ((steps == 1) ? " step" : " steps") + " ran in " + duration.toMillis() + " ms";
	}

}
