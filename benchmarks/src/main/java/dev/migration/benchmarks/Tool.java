package dev.migration.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSetStatus;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

import dev.migration.MigrationConfiguration;
import dev.migration.Migrations;
import dev.migration.RevisionInfo;

/**
 * The four contenders, each able to run every {@link Operation} on a {@link Target} from a written {@link Workload}.
 * {@link #run} returns how many revisions the upgrade applied, or for {@code STATUS} how many it reports applied
 * ({@code -1} where the tool does not say).
 */
public enum Tool {

	/** The floor: the same statements, one revision per transaction, one version row each, nothing else. */
	RAW_JDBC("raw JDBC") {
		@Override
		int run(Operation operation, Target target, Path workload) throws Exception {
			List<List<String>> revisions = readRawRevisions(workload.resolve(Workload.RAW));
			try (Connection connection = target.connect()) {
				if (operation == Operation.STATUS) {
					Set<Integer> applied = rawVersions(connection);
					int count = 0;
					for (int i = 1; i <= revisions.size(); i++) {
						count += applied.contains(i) ? 1 : 0;
					}
					return count;
				}
				return applyRaw(connection, revisions);
			}
		}
	},

	OURS("this project") {
		@Override
		int run(Operation operation, Target target, Path workload) {
			Migrations migrations = Migrations.create(MigrationConfiguration.builder()
				.url(target.url())
				.user(target.user())
				.password(target.password())
				.locations("filesystem:" + workload.resolve(Workload.OURS))
				.build());
			if (operation == Operation.STATUS) {
				List<String> current = migrations.current();
				List<RevisionInfo> all = migrations.revisions();
				Set<String> applied = new HashSet<>();
				for (RevisionInfo revision : migrations.revisions(null, "current", current)) {
					applied.add(revision.id());
				}
				int count = 0;
				for (RevisionInfo revision : all) {
					count += applied.contains(revision.id()) ? 1 : 0;
				}
				return count;
			}
			return migrations.upgrade("heads").steps().size();
		}
	},

	FLYWAY("Flyway") {
		@Override
		int run(Operation operation, Target target, Path workload) {
			Flyway flyway = Flyway.configure()
				.dataSource(target.url(), target.user(), target.password())
				.locations("filesystem:" + workload.resolve(Workload.FLYWAY))
				.load();
			if (operation == Operation.STATUS) {
				int count = 0;
				for (MigrationInfo info : flyway.info().all()) {
					count += info.getState().isApplied() ? 1 : 0;
				}
				return count;
			}
			return flyway.migrate().migrationsExecuted;
		}
	},

	LIQUIBASE("Liquibase") {
		@Override
		int run(Operation operation, Target target, Path workload) throws Exception {
			try (Connection connection = target.connect()) {
				Database database = DatabaseFactory.getInstance()
					.findCorrectDatabaseImplementation(new JdbcConnection(connection));
				try (Liquibase liquibase = new Liquibase(Workload.LIQUIBASE_CHANGELOG,
						new DirectoryResourceAccessor(workload.resolve(Workload.LIQUIBASE)), database)) {
					if (operation == Operation.STATUS) {
						int count = 0;
						for (ChangeSetStatus status : liquibase.getChangeSetStatuses(new Contexts(),
								new LabelExpression())) {
							count += status.getWillRun() ? 0 : 1;
						}
						return count;
					}
					liquibase.update(new Contexts(), new LabelExpression());
					return -1;
				}
			}
		}
	};

	private final String title;

	Tool(String title) {
		this.title = title;
	}

	public String title() {
		return this.title;
	}

	abstract int run(Operation operation, Target target, Path workload) throws Exception;

	/** The raw baseline's upgrade: the pending revisions, each in a transaction with its version row. */
	static int applyRaw(Connection connection, List<List<String>> revisions) throws SQLException {
		Set<Integer> applied = rawVersions(connection);
		connection.setAutoCommit(false);
		int done = 0;
		for (int i = 1; i <= revisions.size(); i++) {
			if (applied.contains(i)) {
				continue;
			}
			try (Statement statement = connection.createStatement()) {
				for (String sql : revisions.get(i - 1)) {
					statement.execute(sql);
				}
				statement.execute("INSERT INTO raw_version (version) VALUES (" + i + ")");
			}
			connection.commit();
			done++;
		}
		return done;
	}

	/** The version rows of the raw baseline, creating its table on first use. */
	static Set<Integer> rawVersions(Connection connection) throws SQLException {
		Set<Integer> applied = new HashSet<>();
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS raw_version (version INTEGER NOT NULL PRIMARY KEY)");
			try (ResultSet rows = statement.executeQuery("SELECT version FROM raw_version")) {
				while (rows.next()) {
					applied.add(rows.getInt(1));
				}
			}
		}
		return applied;
	}

	/** The raw statement files, in order; statements end with a semicolon at the end of a line. */
	static List<List<String>> readRawRevisions(Path directory) throws IOException {
		List<Path> files;
		try (Stream<Path> listing = Files.list(directory)) {
			files = listing.filter((file) -> file.toString().endsWith(".sql")).sorted().toList();
		}
		List<List<String>> revisions = new ArrayList<>(files.size());
		for (Path file : files) {
			List<String> statements = new ArrayList<>();
			for (String statement : Files.readString(file).split(";\n")) {
				if (!statement.isBlank()) {
					statements.add(statement.strip());
				}
			}
			revisions.add(statements);
		}
		return revisions;
	}

}
