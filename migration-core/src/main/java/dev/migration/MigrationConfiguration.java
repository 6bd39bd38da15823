package dev.migration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Everything the engine needs, in one immutable value. Build it with {@link #builder()};
 * the Spring Boot properties and the CLI options map onto it and nothing else.
 *
 * @param dataSource where connections come from; when {@code null}, {@code url},
 * {@code user} and {@code password} are used
 * @param url a JDBC URL, used when there is no DataSource
 * @param user the user for {@code url}
 * @param password the password for {@code url}
 * @param locations where SQL revisions are: {@code classpath:db/revisions},
 * {@code filesystem:/path} or a path
 * @param javaRevisions revisions written in Java, joined with the SQL revisions into one
 * graph
 * @param classLoader the class loader that {@code classpath:} locations are read from
 * @param schema the schema of the two tables, or {@code null} for the connection's
 * default
 * @param versionTable the table of current heads
 * @param historyTable the append-only log of steps
 * @param lockTimeout how long to wait for another process that holds the migration lock
 * @param validateChecksums whether an applied revision whose source changed stops upgrade
 * and downgrade
 * @param ignoreUnknownRevisions whether an upgrade from a database holding revisions the
 * graph does not know does nothing (with a warning) instead of failing
 * @param dialect {@code postgresql} or {@code sqlite} for work without a connection, or
 * {@code null} to detect it
 * @param listeners hear every step
 * @param devUrl a JDBC URL of a scratch PostgreSQL database for {@code check} and
 * {@code autogenerate}: the target schema is applied there, in a temporary schema rolled
 * back at the end, never in the database itself; {@code null} for a temporary schema in
 * the database itself. Refused for SQLite, whose scratch database is always in memory.
 * @param devUser the user for {@code devUrl}; when {@code null}, {@code user} (and
 * {@code password}, unless {@code devPassword} is given). A DataSource has no credentials
 * to share: give them here or in the URL, which the PostgreSQL driver prefers
 * @param devPassword the password for {@code devUrl}
 * @param connectRetries how often to try again, one second apart and doubling up to a
 * minute, when the database cannot be reached (a connection error, or PostgreSQL still
 * starting up); {@code 0} fails on the first
 * @param initSqls statements run on each connection the engine opens, before anything
 * else (e.g. {@code SET lock_timeout = '5s'}); on a pool's connection their session
 * settings stay after it is handed back
 */
public record MigrationConfiguration(DataSource dataSource, String url, String user, String password,
		List<String> locations, List<JavaRevision> javaRevisions, ClassLoader classLoader, String schema,
		String versionTable, String historyTable, Duration lockTimeout, boolean validateChecksums,
		boolean ignoreUnknownRevisions, String dialect, List<MigrationListener> listeners, String devUrl,
		String devUser, String devPassword, int connectRetries, List<String> initSqls) {

	public static final String DEFAULT_LOCATION = "classpath:db/revisions";

	public static final String DEFAULT_VERSION_TABLE = "migration_version";

	public static final String DEFAULT_HISTORY_TABLE = "migration_history";

	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * Stands for the database's vendor in a location or a target schema, e.g.
	 * {@code classpath:db/{vendor}}: see {@link #resolveVendor(String)}.
	 */
	public static final String VENDOR_PLACEHOLDER = "{vendor}";

	/**
	 * The vendors the engine migrates: what {@link #VENDOR_PLACEHOLDER} may stand for.
	 */
	public static final List<String> VENDORS = List.of("postgresql", "sqlite");

	private static final Pattern JDBC_VENDOR = Pattern.compile("jdbc:([A-Za-z0-9]+):.*", Pattern.DOTALL);

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	public MigrationConfiguration {
		locations = List.copyOf(locations);
		javaRevisions = List.copyOf(javaRevisions);
		listeners = List.copyOf(listeners);
		initSqls = List.copyOf(initSqls);
		if (connectRetries < 0) {
			throw new MigrationException("Connect retries must not be negative, got " + connectRetries + ".");
		}
		Objects.requireNonNull(lockTimeout, "lockTimeout");
		if (lockTimeout.isNegative()) {
			throw new MigrationException("Lock timeout must not be negative, got " + lockTimeout + ".");
		}
		requireIdentifier("version table", versionTable);
		requireIdentifier("history table", historyTable);
		if (schema != null && !schema.isEmpty()) {
			requireIdentifier("schema", schema);
		}
		// an empty environment variable means no dev database, not a URL to fail on
		if (devUrl != null && devUrl.isBlank()) {
			devUrl = null;
		}
	}

	private static void requireIdentifier(String what, String name) {
		if (name == null || !IDENTIFIER.matcher(name).matches()) {
			throw new MigrationException("Invalid " + what + " name '" + name
					+ "': use letters, digits and underscores, starting with a letter or underscore.");
		}
	}

	public static Builder builder() {
		return new Builder();
	}

	/** A builder that starts from this configuration. */
	public Builder toBuilder() {
		return new Builder(this);
	}

	@Override
	public String toString() {
		Redactor redactor = redactor();
		return "MigrationConfiguration[url=" + redactor.redact(this.url) + ", user=" + this.user + ", locations="
				+ this.locations + ", schema=" + this.schema + ", versionTable=" + this.versionTable + ", historyTable="
				+ this.historyTable + ((this.devUrl != null) ? ", devUrl=" + redactor.redact(this.devUrl) : "") + "]";
	}

	/**
	 * The target schema file beside a revisions folder, which {@code check} and
	 * autogenerate compare with unless told otherwise: {@code db/revisions} ->
	 * {@code db/schema.sql}, {@code revisions} -> {@code schema.sql}.
	 * @param location a filesystem location, {@code filesystem:} optional
	 * @return the file
	 * @throws InvalidSettingException for a {@code classpath:} location, which has no
	 * folder
	 */
	public static Path targetSchemaBeside(String location) {
		if (location.startsWith("classpath:")) {
			throw new InvalidSettingException("locations", "Revisions on the classpath have no folder to find "
					+ "schema.sql beside: give the target schema file (--target-schema FILE).");
		}
		// '.' and '..' have their parent only absolute
		Path revisions = Path.of(location.replaceFirst("^filesystem:", "")).normalize();
		Path parent = (revisions.toString().matches("\\.*") ? revisions.toAbsolutePath().normalize() : revisions)
			.getParent();
		return (parent != null) ? parent.resolve("schema.sql") : Path.of("schema.sql");
	}

	/**
	 * The text with {@link #VENDOR_PLACEHOLDER} replaced by the database's vendor: the
	 * configured dialect, else what the JDBC URL names ({@code jdbc:<vendor>:...}), asked
	 * of a connection of the DataSource when there is no URL. Connects only then.
	 * @param text a location or a target schema
	 * @return the text as it is when it holds no placeholder, else resolved
	 * @throws MigrationException when the URL names no vendor or the DataSource cannot be
	 * asked for it
	 */
	public String resolveVendor(String text) {
		if (!text.contains(VENDOR_PLACEHOLDER)) {
			return text;
		}
		String url = this.url;
		if (this.dialect != null) {
			url = "jdbc:" + this.dialect + ":";
		}
		else if (this.dataSource != null) {
			try (Connection connection = this.dataSource.getConnection()) {
				url = connection.getMetaData().getURL();
			}
			catch (SQLException ex) {
				throw new MigrationDatabaseException("Cannot read the database URL to resolve " + VENDOR_PLACEHOLDER
						+ " in '" + text + "': " + ex.getMessage(), ex);
			}
		}
		Matcher vendor = JDBC_VENDOR.matcher(String.valueOf(url));
		if (!vendor.matches()) {
			throw new MigrationException("Cannot resolve " + VENDOR_PLACEHOLDER + " in '" + text
					+ "' for the database at " + redactor().redact(String.valueOf(url)) + ".");
		}
		return text.replace(VENDOR_PLACEHOLDER, vendor.group(1).toLowerCase(Locale.ROOT));
	}

	/**
	 * Masks the passwords of this configuration (its own and its URLs') in anything
	 * printed about it.
	 */
	public Redactor redactor() {
		return Redactor.of(this.url, this.password).and(this.devUrl, this.devPassword);
	}

	/**
	 * Builds a {@link MigrationConfiguration}; every setting starts at its default.
	 */
	public static final class Builder {

		private DataSource dataSource;

		private String url;

		private String user;

		private String password;

		private List<String> locations = List.of(DEFAULT_LOCATION);

		private List<JavaRevision> javaRevisions = List.of();

		private ClassLoader classLoader;

		private String schema;

		private String versionTable = DEFAULT_VERSION_TABLE;

		private String historyTable = DEFAULT_HISTORY_TABLE;

		private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

		private boolean validateChecksums = true;

		private boolean ignoreUnknownRevisions;

		private String dialect;

		private List<MigrationListener> listeners = List.of();

		private String devUrl;

		private String devUser;

		private String devPassword;

		private int connectRetries;

		private List<String> initSqls = List.of();

		private Builder() {
		}

		private Builder(MigrationConfiguration configuration) {
			this.dataSource = configuration.dataSource();
			this.url = configuration.url();
			this.user = configuration.user();
			this.password = configuration.password();
			this.locations = configuration.locations();
			this.javaRevisions = configuration.javaRevisions();
			this.classLoader = configuration.classLoader();
			this.schema = configuration.schema();
			this.versionTable = configuration.versionTable();
			this.historyTable = configuration.historyTable();
			this.lockTimeout = configuration.lockTimeout();
			this.validateChecksums = configuration.validateChecksums();
			this.ignoreUnknownRevisions = configuration.ignoreUnknownRevisions();
			this.dialect = configuration.dialect();
			this.listeners = configuration.listeners();
			this.devUrl = configuration.devUrl();
			this.devUser = configuration.devUser();
			this.devPassword = configuration.devPassword();
			this.connectRetries = configuration.connectRetries();
			this.initSqls = configuration.initSqls();
		}

		public Builder dataSource(DataSource dataSource) {
			this.dataSource = dataSource;
			return this;
		}

		public Builder url(String url) {
			this.url = url;
			return this;
		}

		public Builder user(String user) {
			this.user = user;
			return this;
		}

		public Builder password(String password) {
			this.password = password;
			return this;
		}

		public Builder locations(String... locations) {
			return locations(List.of(locations));
		}

		public Builder locations(List<String> locations) {
			this.locations = locations;
			return this;
		}

		public Builder javaRevisions(JavaRevision... revisions) {
			return javaRevisions(List.of(revisions));
		}

		public Builder javaRevisions(List<JavaRevision> revisions) {
			this.javaRevisions = revisions;
			return this;
		}

		/**
		 * The Java revisions of a class path (jars and class folders separated by the
		 * platform's path separator): every concrete {@link JavaRevision} with a
		 * no-argument constructor, and their class loader.
		 * @throws MigrationException naming an entry that does not exist or a class that
		 * cannot be created
		 */
		public Builder javaRevisionClasspath(String classpath) {
			ClasspathRevisions found = ClasspathRevisions.scan(classpath);
			this.javaRevisions = found.revisions();
			this.classLoader = found.classLoader();
			return this;
		}

		public Builder classLoader(ClassLoader classLoader) {
			this.classLoader = classLoader;
			return this;
		}

		public Builder schema(String schema) {
			this.schema = schema;
			return this;
		}

		/** The version table; {@code null} for the default. */
		public Builder versionTable(String versionTable) {
			this.versionTable = (versionTable != null) ? versionTable : DEFAULT_VERSION_TABLE;
			return this;
		}

		/** The history table; {@code null} for the default. */
		public Builder historyTable(String historyTable) {
			this.historyTable = (historyTable != null) ? historyTable : DEFAULT_HISTORY_TABLE;
			return this;
		}

		public Builder lockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
			return this;
		}

		public Builder validateChecksums(boolean validateChecksums) {
			this.validateChecksums = validateChecksums;
			return this;
		}

		public Builder ignoreUnknownRevisions(boolean ignoreUnknownRevisions) {
			this.ignoreUnknownRevisions = ignoreUnknownRevisions;
			return this;
		}

		public Builder dialect(String dialect) {
			this.dialect = dialect;
			return this;
		}

		public Builder listeners(MigrationListener... listeners) {
			return listeners(List.of(listeners));
		}

		public Builder listeners(List<MigrationListener> listeners) {
			this.listeners = listeners;
			return this;
		}

		public Builder devUrl(String devUrl) {
			this.devUrl = devUrl;
			return this;
		}

		public Builder devUser(String devUser) {
			this.devUser = devUser;
			return this;
		}

		public Builder devPassword(String devPassword) {
			this.devPassword = devPassword;
			return this;
		}

		public Builder connectRetries(int connectRetries) {
			this.connectRetries = connectRetries;
			return this;
		}

		public Builder initSqls(String... initSqls) {
			return initSqls(List.of(initSqls));
		}

		public Builder initSqls(List<String> initSqls) {
			this.initSqls = initSqls;
			return this;
		}

		public MigrationConfiguration build() {
			return new MigrationConfiguration(this.dataSource, this.url, this.user, this.password, this.locations,
					this.javaRevisions, this.classLoader, this.schema, this.versionTable, this.historyTable,
					this.lockTimeout, this.validateChecksums, this.ignoreUnknownRevisions, this.dialect, this.listeners,
					this.devUrl, this.devUser, this.devPassword, this.connectRetries, this.initSqls);
		}

	}

}
