package dev.migration.autoconfigure.r2dbc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import dev.migration.autoconfigure.MigrationsConnectionDetails;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;

/**
 * The JDBC connection that reaches the same database as an application's R2DBC connection
 * options. The engine speaks JDBC, so a reactive application is migrated over the
 * matching JDBC URL; PostgreSQL is the one database both serve.
 */
final class R2dbcJdbcConnection implements MigrationsConnectionDetails {

	/**
	 * Drivers that wrap another one ({@code r2dbc:pool:postgresql://...}): the real
	 * driver is the protocol's head.
	 */
	private static final Set<String> WRAPPERS = Set.of("pool", "proxy");

	private static final Set<String> POSTGRESQL = Set.of("postgresql", "postgres");

	/**
	 * r2dbc-postgresql's options that change where or how securely the JDBC driver
	 * connects, by their JDBC name.
	 */
	private static final List<Map.Entry<String, String>> CARRIED_OPTIONS = List.of(
			Map.entry("sslRootCert", "sslrootcert"), Map.entry("sslCert", "sslcert"), Map.entry("sslKey", "sslkey"),
			Map.entry("sslPassword", "sslpassword"), Map.entry("currentSchema", "currentSchema"),
			Map.entry("schema", "currentSchema"), Map.entry("applicationName", "ApplicationName"));

	private static final Option<String> SSL_MODE = Option.valueOf("sslMode");

	private static final Option<String> SOCKET = Option.valueOf("socket");

	private final String jdbcUrl;

	private final String username;

	private final String password;

	private R2dbcJdbcConnection(String jdbcUrl, String username, String password) {
		this.jdbcUrl = jdbcUrl;
		this.username = username;
		this.password = password;
	}

	/**
	 * The JDBC connection for the given R2DBC options.
	 * @param options the application's R2DBC connection options
	 * @return the connection details, with the R2DBC user and password
	 * @throws IllegalStateException when the options name a database other than
	 * PostgreSQL, or a connection the JDBC driver cannot open
	 */
	static R2dbcJdbcConnection of(ConnectionFactoryOptions options) {
		return new R2dbcJdbcConnection(jdbcUrl(options), text(options, ConnectionFactoryOptions.USER),
				text(options, ConnectionFactoryOptions.PASSWORD));
	}

	static String jdbcUrl(ConnectionFactoryOptions options) {
		String driver = driver(options);
		if (!POSTGRESQL.contains(driver)) {
			throw refusal(options, "its driver '" + driver + "' is not PostgreSQL, the one database migrations can"
					+ " reach from R2DBC settings");
		}
		String host = text(options, ConnectionFactoryOptions.HOST);
		if (host == null) {
			throw refusal(options,
					(text(options, SOCKET) != null)
							? "it connects through a Unix domain socket, which the JDBC driver does not open by itself"
							: "it names no host");
		}
		StringBuilder url = new StringBuilder("jdbc:postgresql://").append(bracketed(host));
		String port = text(options, ConnectionFactoryOptions.PORT);
		if (port != null) {
			url.append(':').append(port);
		}
		url.append('/');
		String database = text(options, ConnectionFactoryOptions.DATABASE);
		if (database != null) {
			url.append(encode(database));
		}
		Map<String, String> parameters = parameters(options);
		if (!parameters.isEmpty()) {
			StringJoiner query = new StringJoiner("&", "?", "");
			parameters.forEach((name, value) -> query.add(name + "=" + encode(value)));
			url.append(query);
		}
		return url.toString();
	}

	private static Map<String, String> parameters(ConnectionFactoryOptions options) {
		Map<String, String> parameters = new LinkedHashMap<>();
		String sslMode = text(options, SSL_MODE);
		if (sslMode != null) {
			parameters.put("sslmode", sslMode(options, sslMode));
		}
		else if (Boolean.parseBoolean(text(options, ConnectionFactoryOptions.SSL))) {
			// r2dbc-postgresql's ssl=true means verify-full, as the JDBC driver's
			// ssl=true does
			parameters.put("sslmode", "verify-full");
		}
		for (Map.Entry<String, String> option : CARRIED_OPTIONS) {
			String value = text(options, Option.valueOf(option.getKey()));
			if (value != null) {
				parameters.putIfAbsent(option.getValue(), value);
			}
		}
		return parameters;
	}

	private static String sslMode(ConnectionFactoryOptions options, String value) {
		String mode = value.toLowerCase(Locale.ROOT).replace('_', '-');
		if (!Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full").contains(mode)) {
			throw refusal(options, "its sslMode '" + value + "' has no JDBC counterpart");
		}
		return mode;
	}

	/**
	 * The driver behind any pool or proxy: {@code r2dbc:pool:proxy:postgresql://} is
	 * {@code postgresql}.
	 */
	private static String driver(ConnectionFactoryOptions options) {
		String driver = text(options, ConnectionFactoryOptions.DRIVER);
		String protocol = text(options, ConnectionFactoryOptions.PROTOCOL);
		while (driver != null && WRAPPERS.contains(driver) && protocol != null && !protocol.isEmpty()) {
			int colon = protocol.indexOf(':');
			driver = (colon < 0) ? protocol : protocol.substring(0, colon);
			protocol = (colon < 0) ? null : protocol.substring(colon + 1);
		}
		return (driver != null) ? driver.toLowerCase(Locale.ROOT) : "(none)";
	}

	private static IllegalStateException refusal(ConnectionFactoryOptions options, String reason) {
		// the options' own toString masks the password, but the host and database are all
		// the reader needs
		String where = text(options, ConnectionFactoryOptions.HOST) + "/"
				+ text(options, ConnectionFactoryOptions.DATABASE);
		return new IllegalStateException("Cannot derive the migration connection from the R2DBC settings (" + where
				+ "): " + reason + ". Nothing was applied. Set migrations.url (with migrations.user and"
				+ " migrations.password) to the database's JDBC URL, define a MigrationsConnectionDetails bean, or set"
				+ " migrations.enabled=false.");
	}

	private static String bracketed(String host) {
		return (host.indexOf(':') >= 0 && host.indexOf(',') < 0 && !host.startsWith("[")) ? "[" + host + "]" : host;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String text(ConnectionFactoryOptions options, Option<?> option) {
		Object value = options.getValue(option);
		return (value != null) ? value.toString() : null;
	}

	@Override
	public String getJdbcUrl() {
		return this.jdbcUrl;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public String getPassword() {
		return this.password;
	}

}
