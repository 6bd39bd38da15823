package dev.migration.autoconfigure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

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
						yield recording(DriverManager.getConnection(this.url));
					}
					case "isWrapperFor" -> false;
					case "getLoginTimeout" -> 0;
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					case "toString" -> "counting DataSource";
					default -> null;
				});
	}

	private Connection recording(Connection connection) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
						this.queries.add(sql);
					}
					Object result = invoke(connection, method, args);
					if (result instanceof Statement statement && method.getName().equals("createStatement")) {
						return Proxy.newProxyInstance(Statement.class.getClassLoader(),
								new Class<?>[] { Statement.class },
								(statementProxy, statementMethod, statementArgs) -> {
									if (statementArgs != null && statementArgs.length > 0
											&& statementArgs[0] instanceof String sql) {
										this.queries.add(sql);
									}
									return invoke(statement, statementMethod, statementArgs);
								});
					}
					return result;
				});
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
