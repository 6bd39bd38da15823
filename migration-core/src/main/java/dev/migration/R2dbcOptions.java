package dev.migration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The JDBC connection that reaches the same database as R2DBC connection options. The
 * engine speaks JDBC, so a reactive application is migrated over the matching JDBC URL;
 * PostgreSQL is the one database both serve.
 */
public final class R2dbcOptions {

	/**
	 * Drivers that wrap another one ({@code r2dbc:pool:postgresql://...}): the real
	 * driver is the protocol's head.
	 */
	private static final Set<String> WRAPPERS = Set.of("pool", "proxy");

	private static final Set<String> POSTGRESQL = Set.of("postgresql", "postgres");

	private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca",
			"verify-full");

	/**
	 * r2dbc-postgresql's options that change where or how securely the JDBC driver
	 * connects, by their JDBC name.
	 */
	private static final List<Map.Entry<String, String>> CARRIED_OPTIONS = List.of(
			Map.entry("sslRootCert", "sslrootcert"), Map.entry("sslCert", "sslcert"), Map.entry("sslKey", "sslkey"),
			Map.entry("sslPassword", "sslpassword"), Map.entry("currentSchema", "currentSchema"),
			Map.entry("schema", "currentSchema"), Map.entry("applicationName", "ApplicationName"));

	private final Function<String, Object> options;

	private R2dbcOptions(Function<String, Object> options) {
		this.options = options;
	}

	/**
	 * The JDBC URL, without user and password, of the database the options reach. Pools
	 * and proxies ({@code r2dbc:pool:postgresql:}) are looked through; {@code sslMode},
	 * {@code ssl}, the SSL files, {@code schema} and {@code applicationName} are carried.
	 * @param options an option's value by its R2DBC name ({@code driver},
	 * {@code protocol}, {@code host}, {@code port}, {@code database}, {@code sslMode},
	 * ...), or {@code null}
	 * @return the JDBC URL
	 * @throws IllegalArgumentException saying why there is none: another database, a Unix
	 * domain socket, no host, or an {@code sslMode} the JDBC driver lacks
	 */
	public static String jdbcUrl(Function<String, Object> options) {
		return new R2dbcOptions(options).jdbcUrl();
	}

	private String jdbcUrl() {
		String driver = driver();
		if (!POSTGRESQL.contains(driver)) {
			throw new IllegalArgumentException("its driver '" + driver + "' is not PostgreSQL, the one database "
					+ "migrations can reach from R2DBC settings");
		}
		String host = text("host");
		if (host == null) {
			throw new IllegalArgumentException((text("socket") != null)
					? "it connects through a Unix domain socket, which the JDBC driver does not open by itself"
					: "it names no host");
		}
		boolean ipv6 = host.indexOf(':') >= 0 && host.indexOf(',') < 0 && !host.startsWith("[");
		StringBuilder url = new StringBuilder("jdbc:postgresql://").append(ipv6 ? "[" + host + "]" : host);
		String port = text("port");
		url.append((port != null) ? ":" + port : "").append('/');
		String database = text("database");
		url.append((database != null) ? encode(database) : "");
		StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
		parameters().forEach((name, value) -> query.add(name + "=" + encode(value)));
		return url.append(query).toString();
	}

	private Map<String, String> parameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		String sslMode = text("sslMode");
		if (sslMode != null) {
			String mode = sslMode.toLowerCase(Locale.ROOT).replace('_', '-');
			if (!SSL_MODES.contains(mode)) {
				throw new IllegalArgumentException("its sslMode '" + sslMode + "' has no JDBC counterpart");
			}
			parameters.put("sslmode", mode);
		}
		else if (Boolean.parseBoolean(text("ssl"))) {
			// r2dbc-postgresql's ssl=true means verify-full, as the JDBC driver's does
			parameters.put("sslmode", "verify-full");
		}
		for (Map.Entry<String, String> option : CARRIED_OPTIONS) {
			String value = text(option.getKey());
			if (value != null) {
				parameters.putIfAbsent(option.getValue(), value);
			}
		}
		return parameters;
	}

	/** The driver behind any pool or proxy: {@code r2dbc:pool:proxy:postgresql://}. */
	private String driver() {
		String driver = text("driver");
		String protocol = text("protocol");
		while (driver != null && WRAPPERS.contains(driver) && protocol != null && !protocol.isEmpty()) {
			int colon = protocol.indexOf(':');
			driver = (colon < 0) ? protocol : protocol.substring(0, colon);
			protocol = (colon < 0) ? null : protocol.substring(colon + 1);
		}
		return (driver != null) ? driver.toLowerCase(Locale.ROOT) : "(none)";
	}

	private String text(String name) {
		Object value = this.options.apply(name);
		return (value != null) ? value.toString() : null;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
