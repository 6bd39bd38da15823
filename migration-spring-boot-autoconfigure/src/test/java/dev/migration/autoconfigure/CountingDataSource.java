package dev.migration.autoconfigure;

import java.lang.reflect.Proxy;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.migration.support.Recording;

/**
 * A DataSource on a JDBC URL that counts the connections it hands out and writes down the
 * SQL of every statement they prepare or execute: what a test counts the round trips of
 * one call with.
 */
public final class CountingDataSource {

	private final String url;

	private final AtomicInteger connections = new AtomicInteger();

	private final List<String> queries = new CopyOnWriteArrayList<>();

	public CountingDataSource(String url) {
		this.url = url;
	}

	/** Connections handed out since the last {@link #reset()}. */
	public int connections() {
		return this.connections.get();
	}

	/**
	 * The SQL sent since the last {@link #reset()} that names the engine's tables
	 * ({@code migration_*}).
	 */
	public List<String> tableQueries() {
		return this.queries.stream().filter((sql) -> sql.contains("migration_")).toList();
	}

	public void reset() {
		this.connections.set(0);
		this.queries.clear();
	}

	public DataSource dataSource() {
		return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> switch (method.getName()) {
					case "getConnection" -> {
						this.connections.incrementAndGet();
						yield Recording.connection(DriverManager.getConnection(this.url), this.queries);
					}
					case "isWrapperFor" -> false;
					case "getLoginTimeout" -> 0;
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					case "toString" -> "counting DataSource";
					default -> null;
				});
	}

}
