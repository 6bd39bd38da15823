package dev.migration.internal.fleet;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Connections whose {@code search_path} is one tenant's schema, so that unqualified names
 * in revisions create and find that tenant's tables. A connection taken from the
 * application's DataSource gets its former search_path back when it is closed, since a
 * pool hands it to the application next.
 */
public final class SearchPathDataSource implements DataSource {

	private final DataSource dataSource;

	private final String url;

	private final String user;

	private final String password;

	private final String schema;

	/**
	 * @param dataSource where connections come from, or {@code null} for the URL
	 */
	public SearchPathDataSource(DataSource dataSource, String url, String user, String password, String schema) {
		this.dataSource = dataSource;
		this.url = url;
		this.user = user;
		this.password = password;
		this.schema = schema;
	}

	@Override
	public Connection getConnection() throws SQLException {
		if (this.dataSource == null) {
			Connection connection = DriverManager.getConnection(this.url, this.user, this.password);
			setSearchPath(connection, quote(this.schema));
			return connection;
		}
		Connection connection = this.dataSource.getConnection();
		String former;
		try (Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SHOW search_path")) {
			row.next();
			former = row.getString(1);
			setSearchPath(connection, quote(this.schema));
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
		return restoringOnClose(connection, former);
	}

	private static Connection restoringOnClose(Connection connection, String former) {
		return (Connection) Proxy.newProxyInstance(SearchPathDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("close") && method.getParameterCount() == 0 && !connection.isClosed()) {
						try {
							setSearchPath(connection, former);
						}
						finally {
							connection.close();
						}
						return null;
					}
					try {
						return method.invoke(connection, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	/**
	 * Session-wide (not LOCAL), so it holds across the step transactions of one command.
	 */
	private static void setSearchPath(Connection connection, String path) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('search_path', ?, false)")) {
			statement.setString(1, path);
			statement.execute();
		}
		if (!autoCommit) {
			connection.commit();
		}
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLFeatureNotSupportedException("A fleet target's connections use the fleet's credentials");
	}

	@Override
	public PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
	}

	@Override
	public int getLoginTimeout() {
		return 0;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		throw new SQLException("Not a wrapper of " + type.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return false;
	}

}
