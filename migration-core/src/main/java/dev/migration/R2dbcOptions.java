package dev.migration;

import java.util.function.Function;

import dev.migration.internal.dialect.R2dbcUrl;

/**
 * The JDBC connection that reaches the same database as R2DBC connection options. The
 * engine speaks JDBC, so a reactive application is migrated over the matching JDBC URL;
 * PostgreSQL is the one database both serve.
 */
public final class R2dbcOptions {

	private R2dbcOptions() {
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
		return R2dbcUrl.jdbcUrl(options);
	}

}
