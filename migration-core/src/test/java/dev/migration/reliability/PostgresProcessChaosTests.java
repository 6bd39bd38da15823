package dev.migration.reliability;

import java.util.List;

import dev.migration.support.PostgresDatabase;
import dev.migration.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL: the server ends a killed process's sessions, releasing its advisory lock
 * and rolling back its step.
 */
class PostgresProcessChaosTests extends ProcessChaosTests {

	private static final String HOLDER_APPLICATION = "chaos-holder";

	@Override
	TestDatabase newDatabase() {
		return PostgresDatabase.create();
	}

	@Override
	String holderUrl(TestDatabase database) {
		return database.url() + (database.url().contains("?") ? "&" : "?") + "ApplicationName=" + HOLDER_APPLICATION;
	}

	@Override
	List<String> holderDescription(TestDatabase database, Process holder) {
		List<String> pids = database
			.queryStrings("SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = " + "l.pid "
					+ "WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted " + "AND a.application_name = ?",
					HOLDER_APPLICATION);
		assertThat(pids).hasSize(1);
		return List.of("backend pid " + pids.get(0), "application '" + HOLDER_APPLICATION + "'");
	}

}
