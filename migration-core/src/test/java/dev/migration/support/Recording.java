package dev.migration.support;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * JDBC proxies that write down the SQL the engine sends, so that a test can count its
 * queries and connections.
 */
public final class Recording {

	private Recording() {
	}

	/**
	 * A DataSource of the test database that runs {@code onConnection} at each connection
	 * it hands out.
	 */
	public static DataSource dataSource(TestDatabase database, List<String> queries, Runnable onConnection) {
		return (DataSource) Proxy.newProxyInstance(Recording.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> switch (method.getName()) {
					case "getConnection" -> {
						onConnection.run();
						yield connection(database.connect(), queries);
					}
					case "getLogWriter" -> (PrintWriter) null;
					case "getParentLogger" -> Logger.getGlobal();
					case "getLoginTimeout" -> 0;
					case "isWrapperFor" -> false;
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					case "toString" -> "recording DataSource";
					default -> null;
				});
	}

	/**
	 * The connection, with the SQL of every statement it prepares, executes or batches
	 * written down.
	 */
	public static Connection connection(Connection connection, List<String> queries) {
		return (Connection) Proxy.newProxyInstance(Recording.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
						queries.add(sql);
					}
					Object result = invoke(connection, method, args);
					if (result instanceof Statement statement && method.getName().equals("createStatement")) {
						return Proxy.newProxyInstance(Recording.class.getClassLoader(),
								new Class<?>[] { Statement.class },
								(statementProxy, statementMethod, statementArgs) -> {
									String name = statementMethod.getName();
									if ((name.startsWith("execute") || name.equals("addBatch")) && statementArgs != null
											&& statementArgs.length > 0 && statementArgs[0] instanceof String sql) {
										queries.add(sql);
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
