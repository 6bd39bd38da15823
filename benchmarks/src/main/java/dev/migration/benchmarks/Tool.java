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

import dev.migration.MigrationConfiguration;
import dev.migration.Migrations;
import dev.migration.RevisionInfo;
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

/**
 * The four contenders, each able to run every {@link Operation} on a {@link Target} from
 * a written {@link Workload}. {@link #run} returns how many revisions the upgrade
 * applied, or for {@code STATUS} how many it reports applied ({@code -1} where the tool
 * does not say).
 */
public enum Tool {

	/**
	 * The floor: the same statements, one revision per transaction, one version row each,
	 * nothing else.
	 */
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
			Migrations migrations = ourMigrations(target, workload);
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

	/**
	 * Flyway 13 beside 12: its jars (copied to {@code target/lib-flyway13} by the build)
	 * in a class loader of their own with the libraries it needs, driven through
	 * reflection, because one class path cannot hold two Flyways.
	 */
	FLYWAY_13("Flyway 13") {
		@Override
		int run(Operation operation, Target target, Path workload) throws Exception {
			ClassLoader loader = Flyway13.classLoader();
			Class<?> flywayClass = loader.loadClass("org.flywaydb.core.Flyway");
			Object configuration = flywayClass.getMethod("configure", ClassLoader.class).invoke(null, loader);
			configuration = configuration.getClass()
				.getMethod("dataSource", String.class, String.class, String.class)
				.invoke(configuration, target.url(), target.user(), target.password());
			configuration = configuration.getClass()
				.getMethod("locations", String[].class)
				.invoke(configuration, (Object) new String[] { "filesystem:" + workload.resolve(Workload.FLYWAY) });
			Object flyway = configuration.getClass().getMethod("load").invoke(configuration);
			if (operation == Operation.STATUS) {
				Object info = flywayClass.getMethod("info").invoke(flyway);
				Object[] all = (Object[]) info.getClass().getMethod("all").invoke(info);
				int count = 0;
				for (Object migration : all) {
					Object state = migration.getClass().getMethod("getState").invoke(migration);
					count += ((Boolean) state.getClass().getMethod("isApplied").invoke(state)) ? 1 : 0;
				}
				return count;
			}
			Object result = flywayClass.getMethod("migrate").invoke(flyway);
			return result.getClass().getField("migrationsExecuted").getInt(result);
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

	/**
	 * The raw baseline's upgrade: the pending revisions, each in a transaction with its
	 * version row.
	 */
	/** This project's revisions of the workload, against the target. */
	static Migrations ourMigrations(Target target, Path workload) {
		return Migrations.create(MigrationConfiguration.builder()
			.url(target.url())
			.user(target.user())
			.password(target.password())
			.locations("filesystem:" + workload.resolve(Workload.OURS))
			.build());
	}

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

	/**
	 * The raw statement files, in order; statements end with a semicolon at the end of a
	 * line.
	 */
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
