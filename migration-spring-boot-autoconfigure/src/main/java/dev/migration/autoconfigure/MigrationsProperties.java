package dev.migration.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.migration.Fleet;
import dev.migration.MigrationConfiguration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration properties of the migrations runner. They map onto
 * {@link MigrationConfiguration} and nothing more, plus what only the Spring integration
 * decides (whether and how to upgrade on startup).
 *
 * @param enabled Whether to enable the migrations runner.
 * @param runOnStartup Whether to upgrade to the target while the application context
 * starts.
 * @param target Where the startup upgrade goes: 'heads', 'head', a revision id,
 * '<label>@head', ...
 * @param failOnPending Whether to refuse to start while revisions are pending, when
 * run-on-startup is off.
 * @param async Whether to upgrade in the background. Readiness is REFUSING_TRAFFIC until
 * the upgrade ends.
 * @param locations Locations of SQL revisions. Can contain the "{vendor}" placeholder
 * (e.g. "postgresql", "sqlite") to use vendor-specific locations.
 * @param javaRevisionPackages Packages scanned for Java revisions (classes implementing
 * JavaRevision with a no-argument constructor), in addition to JavaRevision beans.
 * @param targetSchema The desired schema that autogenerate and check compare with.
 * @param url JDBC URL of the database to migrate. If not set, the application's
 * DataSource is used.
 * @param user Login user of the database to migrate. With no url, it connects to the
 * application's database as this user.
 * @param password Login password of the database to migrate.
 * @param schema Schema of the version and history tables. If not set, the connection's
 * default schema.
 * @param versionTable Name of the table that holds the current heads.
 * @param historyTable Name of the append-only log of applied steps.
 * @param validateChecksums Whether to fail on an applied revision whose source changed
 * since it ran.
 * @param lockTimeout How long to wait for another instance that holds the migration lock.
 * @param ignoreUnknownRevisions Whether to start (with a warning, upgrading nothing) when
 * the database holds revisions this application does not know.
 * @param connectRetries Retries, one second apart and doubling up to a minute, when the
 * database cannot be reached at start.
 * @param initSqls SQL statements run on each migration connection before anything else,
 * e.g. "SET lock_timeout = '5s'".
 * @param schemas Schema per tenant (PostgreSQL): comma-separated schema names or LIKE
 * patterns ('tenant_%') matched against the database's schemas. Each schema gets its own
 * version and history tables, the revisions run with search_path set to it, and it is an
 * instance of the endpoint and the health.
 * @param parallelism How many schemas of migrations.schemas are upgraded at once.
 * @param endpoint Settings of the migrations actuator endpoint.
 */
@ConfigurationProperties("migrations")
public record MigrationsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("true") boolean runOnStartup,
		@DefaultValue("heads") String target, boolean failOnPending, boolean async,
		@DefaultValue(MigrationConfiguration.DEFAULT_LOCATION) List<String> locations,
		@DefaultValue List<String> javaRevisionPackages, @DefaultValue("classpath:db/schema.sql") String targetSchema,
		String url, String user, String password, String schema,
		@DefaultValue(MigrationConfiguration.DEFAULT_VERSION_TABLE) String versionTable,
		@DefaultValue(MigrationConfiguration.DEFAULT_HISTORY_TABLE) String historyTable,
		@DefaultValue("true") boolean validateChecksums, @DefaultValue("60s") Duration lockTimeout,
		boolean ignoreUnknownRevisions, int connectRetries, @DefaultValue List<String> initSqls, String schemas,
		@DefaultValue("" + Fleet.DEFAULT_PARALLELISM) int parallelism, @DefaultValue Endpoint endpoint) {

	/**
	 * Settings of the {@code migrations} actuator endpoint.
	 *
	 * @param downgradeEnabled Whether the endpoint may downgrade the database.
	 * @param maxDowngradeSteps Most revisions one downgrade call may revert.
	 */
	public record Endpoint(boolean downgradeEnabled, @DefaultValue("1") int maxDowngradeSteps) {

	}

}
