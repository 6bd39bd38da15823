package dev.migration.autoconfigure.r2dbc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.migration.Migrations;
import dev.migration.support.PostgresDatabase;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A WebFlux + R2DBC application as its author writes it: {@code spring.r2dbc.*} settings,
 * no DataSource, beans that read the database through R2DBC while the context starts. It
 * runs on the embedded PostgreSQL server and is migrated over the JDBC URL that matches
 * its R2DBC URL.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsR2dbcApplicationTests {

	private static final String PASSWORD = "R2dbc-S3cret-Xy7Tail";

	private static final String KEY_PASSWORD = "Key-S3cret-Xy7Tail";

	private static PostgresDatabase database;

	private static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() {
		database = PostgresDatabase.create();
		context = run("spring.r2dbc.url=" + r2dbcUrl(database, ""), "spring.r2dbc.username=postgres",
				"spring.r2dbc.password=" + PASSWORD);
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void upgradesOnStartupWithOnlyR2dbcSettings() throws Exception {
		assertThat(context.getBeansOfType(DataSource.class)).isEmpty();
		assertThat(context.getBean(Migrations.class).status().current()).containsExactly("a00000000002");
		assertThat(columnsOfThings()).containsExactly("id", "name", "colour");
	}

	@Test
	void beansThatReadThroughR2dbcWhileTheContextStartsSeeTheMigratedTable() {
		assertThat(context.getBean(ColumnsAtStartup.class).columns()).containsExactly("id", "name", "colour");
		assertThat(context.getBean(CountAtStartup.class).count()).isZero();
		assertThat(context.getBean(NameLengthAtStartup.class).length()).isEqualTo(50);
	}

	@Test
	void servesTheMigratedTableOverHttp() throws Exception {
		execute("INSERT INTO things (id, name, colour) VALUES (1, 'kettle', 'red')");
		String port = context.getEnvironment().getProperty("local.server.port");
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/things")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("[\"kettle\"]");
	}

	@Test
	void printsNoPasswordWhileStartingOrWhenTheUpgradeFails(CapturedOutput output) {
		// secrets in the URL's user info (Boot prefers it to spring.r2dbc.password), for
		// the key, in the property
		String url = r2dbcUrl(PostgresDatabase.create(), "?sslMode=disable&sslPassword=" + KEY_PASSWORD)
			.replace("//localhost", "//postgres:" + KEY_PASSWORD + "@localhost");
		assertThatException().isThrownBy(() -> run("spring.r2dbc.url=" + url, "spring.r2dbc.password=" + PASSWORD,
				"migrations.locations=classpath:db/half", "logging.level.org.springframework.boot=debug"));
		assertThat(output).contains("Running upgrade f00000000001 -> f00000000002")
			.contains("APPLICATION FAILED TO START")
			.contains("nowhere")
			.doesNotContain("Xy7Tail");
	}

	private static String r2dbcUrl(PostgresDatabase database, String query) {
		return "r2dbc:postgresql://localhost:" + PostgresDatabase.server().getPort() + "/" + database.name() + query;
	}

	private static ConfigurableApplicationContext run(String... properties) {
		// HikariCP is on this classpath too: Boot's DataSource auto-configuration backs
		// off beside a ConnectionFactory
		return new SpringApplicationBuilder(ReactiveApplication.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "logging.level.dev.migration=debug")
			.properties(properties)
			.run();
	}

	private static List<String> columnsOfThings() throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.url(), "postgres", "postgres");
				Statement statement = connection.createStatement()) {
			ResultSet result = statement.executeQuery("SELECT column_name FROM information_schema.columns"
					+ " WHERE table_name = 'things' ORDER BY ordinal_position");
			List<String> columns = new ArrayList<>();
			while (result.next()) {
				columns.add(result.getString(1));
			}
			return columns;
		}
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.url(), "postgres", "postgres");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ReactiveApplication {

		// first: a bean on the bare ConnectionFactory says that it needs the database, as
		// one on a DataSource does
		@Bean
		@DependsOnDatabaseInitialization
		NameLengthAtStartup nameLengthAtStartup(ConnectionFactory connectionFactory) {
			return new NameLengthAtStartup(Mono
				.usingWhen(connectionFactory.create(),
						(connection) -> Mono.from(connection.createStatement("SELECT character_maximum_length FROM"
								+ " information_schema.columns WHERE table_name = 'things' AND column_name = 'name'")
							.execute()).flatMap((result) -> Mono.from(result.map((row) -> row.get(0, Integer.class)))),
						(connection) -> connection.close())
				.block(Duration.ofSeconds(30)));
		}

		@Bean
		ColumnsAtStartup columnsAtStartup(DatabaseClient client) {
			return new ColumnsAtStartup(client
				.sql("SELECT column_name FROM information_schema.columns"
						+ " WHERE table_name = 'things' ORDER BY ordinal_position")
				.map((row) -> row.get(0, String.class))
				.all()
				.collectList()
				.block(Duration.ofSeconds(30)));
		}

		@Bean
		CountAtStartup countAtStartup(R2dbcEntityTemplate template) {
			return new CountAtStartup(template.getDatabaseClient()
				.sql("SELECT count(*) FROM things")
				.map((row) -> row.get(0, Long.class))
				.one()
				.block(Duration.ofSeconds(30)));
		}

		@Bean
		RouterFunction<ServerResponse> things(DatabaseClient client) {
			return RouterFunctions.route()
				.GET("/things",
						(request) -> ServerResponse.ok()
							.body(client.sql("SELECT name FROM things ORDER BY id")
								.map((row) -> row.get(0, String.class))
								.all()
								.collectList(), List.class))
				.build();
		}

	}

	record ColumnsAtStartup(List<String> columns) {
	}

	record CountAtStartup(long count) {
	}

	record NameLengthAtStartup(Integer length) {
	}

}
