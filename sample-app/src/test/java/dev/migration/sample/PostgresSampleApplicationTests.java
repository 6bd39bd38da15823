package dev.migration.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.migration.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample application on a real PostgreSQL server (embedded binaries, no Docker), with
 * the {@code postgres} profile and the URL given on the command line as an operator
 * would.
 */
@ActiveProfiles("postgres")
class PostgresSampleApplicationTests extends AbstractSampleApplicationTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> Server.INSTANCE.getJdbcUrl("postgres", "sample"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	@Override
	Migrations scratchMigrations() {
		return Migrations.create(this.migrations.configuration()
			.toBuilder()
			.dataSource(null)
			.url(Server.INSTANCE.getJdbcUrl("postgres", "scratch"))
			.user("postgres")
			.password("postgres")
			.build());
	}

	/** Started on first use with two empty databases, stopped when the JVM exits. */
	private static final class Server {

		static final EmbeddedPostgres INSTANCE = start();

		private static EmbeddedPostgres start() {
			try {
				EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
				try (Connection connection = postgres.getPostgresDatabase().getConnection();
						Statement statement = connection.createStatement()) {
					statement.execute("CREATE DATABASE sample");
					statement.execute("CREATE DATABASE scratch");
				}
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
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
