package dev.migration.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A fresh database on one embedded PostgreSQL server (real server binaries) shared by the
 * whole test JVM.
 */
public record PostgresDatabase(String name) implements TestDatabase {

	private static final AtomicInteger counter = new AtomicInteger();

	public static PostgresDatabase create() {
		String name = "test_" + counter.incrementAndGet();
		try (Connection connection = Server.INSTANCE.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return new PostgresDatabase(name);
	}

	/** The embedded server, for tests that need it directly. */
	public static EmbeddedPostgres server() {
		return Server.INSTANCE;
	}

	@Override
	public String url() {
		return Server.INSTANCE.getJdbcUrl("postgres", this.name);
	}

	@Override
	public String user() {
		return "postgres";
	}

	@Override
	public String password() {
		return "postgres";
	}

	@Override
	public String kind() {
		return "postgresql";
	}

	/** Started on first use, stopped when the JVM exits. */
	private static final class Server {

		static final EmbeddedPostgres INSTANCE = start();

		private static EmbeddedPostgres start() {
			try {
				EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						postgres.close();
					}
					catch (IOException ex) {
						// the JVM is exiting; the server's directory is temporary
					}
				}));
				return postgres;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
