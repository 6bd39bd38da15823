package dev.migration.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's Hikari pool as migrations use it: until the application starts the
 * pool, connections of their own that Hikari's driver data source makes from the pool's
 * URL, user, password and data source properties; the pool's once it runs. So the startup
 * upgrade neither starts the pool nor fills it to its minimum idle connections before the
 * application is ready, as Boot's Flyway and Liquibase integrations connect without the
 * pool when given a user of their own.
 */
final class UnstartedPoolDataSource extends DelegatingDataSource {

	private final HikariDataSource pool;

	private UnstartedPoolDataSource(HikariDataSource pool) {
		super(pool);
		this.pool = pool;
	}

	/**
	 * The data source migrations use for the application's: the pool itself when it is no
	 * plain Hikari pool that has not started, or when it sets up connections in a way a
	 * driver's connection would not (a data source of its own, JNDI, a credentials
	 * provider, init SQL, schema, catalog, read-only).
	 * @param dataSource the application's data source
	 * @return the data source for migrations
	 */
	static DataSource of(DataSource dataSource) {
		if (dataSource.getClass() != HikariDataSource.class) {
			return dataSource;
		}
		HikariDataSource pool = (HikariDataSource) dataSource;
		boolean plain = pool.getJdbcUrl() != null && pool.getDataSource() == null
				&& pool.getDataSourceClassName() == null && pool.getDataSourceJNDI() == null
				&& pool.getCredentialsProvider() == null && pool.getCredentialsProviderClassName() == null
				&& pool.getConnectionInitSql() == null && pool.getSchema() == null && pool.getCatalog() == null
				&& !pool.isReadOnly();
		return (plain && !pool.isRunning() && !pool.isClosed()) ? new UnstartedPoolDataSource(pool) : dataSource;
	}

	@Override
	public Connection getConnection() throws SQLException {
		if (this.pool.isRunning()) {
			return this.pool.getConnection();
		}
		return new DriverDataSource(this.pool.getJdbcUrl(), this.pool.getDriverClassName(),
				this.pool.getDataSourceProperties(), this.pool.getUsername(), this.pool.getPassword())
			.getConnection();
	}

}
