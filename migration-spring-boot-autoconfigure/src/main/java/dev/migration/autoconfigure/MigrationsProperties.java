package dev.migration.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.migration.Fleet;
import dev.migration.MigrationConfiguration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the migrations runner. They map onto
 * {@link MigrationConfiguration} and nothing more, plus what only the Spring integration
 * decides (whether and how to upgrade on startup). A JavaBean with its defaults in its
 * fields, as Spring Boot's own: binding it converts only the values that are set, where a
 * record's constructor binding converts every default on the thread that starts the
 * application.
 */
@ConfigurationProperties("migrations")
public class MigrationsProperties {

	/** Whether to enable the migrations runner. */
	private boolean enabled = true;

	/** Whether to upgrade to the target while the application context starts. */
	private boolean runOnStartup = true;

	/**
	 * Where the startup upgrade goes: 'heads', 'head', a revision id, '<label>@head', ...
	 */
	private String target = "heads";

	/**
	 * Whether to refuse to start while revisions are pending, when run-on-startup is off.
	 */
	private boolean failOnPending;

	/**
	 * Whether to upgrade in the background. Readiness is REFUSING_TRAFFIC until the
	 * upgrade ends.
	 */
	private boolean async;

	/**
	 * Locations of SQL revisions. Can contain the "{vendor}" placeholder (e.g.
	 * "postgresql", "sqlite") to use vendor-specific locations.
	 */
	private List<String> locations = new ArrayList<>(List.of(MigrationConfiguration.DEFAULT_LOCATION));

	/**
	 * Packages scanned for Java revisions (classes implementing JavaRevision with a
	 * no-argument constructor), in addition to JavaRevision beans.
	 */
	private List<String> javaRevisionPackages = new ArrayList<>();

	/** The desired schema that autogenerate and check compare with. */
	private String targetSchema = "classpath:db/schema.sql";

	/**
	 * JDBC URL of the database to migrate. If not set, the application's DataSource is
	 * used.
	 */
	private String url;

	/**
	 * Login user of the database to migrate. With no url, it connects to the
	 * application's database as this user.
	 */
	private String user;

	/** Login password of the database to migrate. */
	private String password;

	/**
	 * Schema of the version and history tables. If not set, the connection's default
	 * schema.
	 */
	private String schema;

	/** Name of the table that holds the current heads. */
	private String versionTable = MigrationConfiguration.DEFAULT_VERSION_TABLE;

	/** Name of the append-only log of applied steps. */
	private String historyTable = MigrationConfiguration.DEFAULT_HISTORY_TABLE;

	/** Whether to fail on an applied revision whose source changed since it ran. */
	private boolean validateChecksums = true;

	/** How long to wait for another instance that holds the migration lock. */
	private Duration lockTimeout = MigrationConfiguration.DEFAULT_LOCK_TIMEOUT;

	/**
	 * Whether to start (with a warning, upgrading nothing) when the database holds
	 * revisions this application does not know.
	 */
	private boolean ignoreUnknownRevisions;

	/**
	 * Retries, one second apart and doubling up to a minute, when the database cannot be
	 * reached at start.
	 */
	private int connectRetries;

	/**
	 * SQL statements run on each migration connection before anything else, e.g. "SET
	 * lock_timeout = '5s'".
	 */
	private List<String> initSqls = new ArrayList<>();

	/**
	 * Schema per tenant (PostgreSQL): comma-separated schema names or LIKE patterns
	 * ('tenant_%') matched against the database's schemas. Each schema gets its own
	 * version and history tables, the revisions run with search_path set to it, and it is
	 * an instance of the endpoint and the health.
	 */
	private String schemas;

	/** How many schemas of migrations.schemas are upgraded at once. */
	private int parallelism = Fleet.DEFAULT_PARALLELISM;

	/** Settings of the migrations actuator endpoint. */
	private final Endpoint endpoint = new Endpoint();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isRunOnStartup() {
		return this.runOnStartup;
	}

	public void setRunOnStartup(boolean runOnStartup) {
		this.runOnStartup = runOnStartup;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public boolean isFailOnPending() {
		return this.failOnPending;
	}

	public void setFailOnPending(boolean failOnPending) {
		this.failOnPending = failOnPending;
	}

	public boolean isAsync() {
		return this.async;
	}

	public void setAsync(boolean async) {
		this.async = async;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public List<String> getJavaRevisionPackages() {
		return this.javaRevisionPackages;
	}

	public void setJavaRevisionPackages(List<String> javaRevisionPackages) {
		this.javaRevisionPackages = javaRevisionPackages;
	}

	public String getTargetSchema() {
		return this.targetSchema;
	}

	public void setTargetSchema(String targetSchema) {
		this.targetSchema = targetSchema;
	}

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public String getUser() {
		return this.user;
	}

	public void setUser(String user) {
		this.user = user;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getSchema() {
		return this.schema;
	}

	public void setSchema(String schema) {
		this.schema = schema;
	}

	public String getVersionTable() {
		return this.versionTable;
	}

	public void setVersionTable(String versionTable) {
		this.versionTable = versionTable;
	}

	public String getHistoryTable() {
		return this.historyTable;
	}

	public void setHistoryTable(String historyTable) {
		this.historyTable = historyTable;
	}

	public boolean isValidateChecksums() {
		return this.validateChecksums;
	}

	public void setValidateChecksums(boolean validateChecksums) {
		this.validateChecksums = validateChecksums;
	}

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public boolean isIgnoreUnknownRevisions() {
		return this.ignoreUnknownRevisions;
	}

	public void setIgnoreUnknownRevisions(boolean ignoreUnknownRevisions) {
		this.ignoreUnknownRevisions = ignoreUnknownRevisions;
	}

	public int getConnectRetries() {
		return this.connectRetries;
	}

	public void setConnectRetries(int connectRetries) {
		this.connectRetries = connectRetries;
	}

	public List<String> getInitSqls() {
		return this.initSqls;
	}

	public void setInitSqls(List<String> initSqls) {
		this.initSqls = initSqls;
	}

	public String getSchemas() {
		return this.schemas;
	}

	public void setSchemas(String schemas) {
		this.schemas = schemas;
	}

	public int getParallelism() {
		return this.parallelism;
	}

	public void setParallelism(int parallelism) {
		this.parallelism = parallelism;
	}

	public Endpoint getEndpoint() {
		return this.endpoint;
	}

	/** Settings of the {@code migrations} actuator endpoint. */
	public static class Endpoint {

		/** Whether the endpoint may downgrade the database. */
		private boolean downgradeEnabled;

		/** Most revisions one downgrade call may revert. */
		private int maxDowngradeSteps = 1;

		public boolean isDowngradeEnabled() {
			return this.downgradeEnabled;
		}

		public void setDowngradeEnabled(boolean downgradeEnabled) {
			this.downgradeEnabled = downgradeEnabled;
		}

		public int getMaxDowngradeSteps() {
			return this.maxDowngradeSteps;
		}

		public void setMaxDowngradeSteps(int maxDowngradeSteps) {
			this.maxDowngradeSteps = maxDowngradeSteps;
		}

	}

}
