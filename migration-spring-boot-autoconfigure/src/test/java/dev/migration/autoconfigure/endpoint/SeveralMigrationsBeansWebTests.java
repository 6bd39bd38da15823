package dev.migration.autoconfigure.endpoint;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.migration.MigrationConfiguration;
import dev.migration.Migrations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two {@link Migrations} beans on two SQLite files over real HTTP: {@code ?instance=} on
 * the endpoint's GET and POST, and one health component per instance.
 */
@SpringBootTest(classes = { EndpointTestApplication.class, SeveralMigrationsBeansWebTests.TwoDatabases.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,migrations",
				"management.endpoint.health.show-details=always", "management.endpoint.migrations.access=unrestricted",
				"migrations.endpoint.downgrade-enabled=true" })
class SeveralMigrationsBeansWebTests extends HttpApplicationTests {

	@Autowired
	@Qualifier("orders")
	Migrations orders;

	@Autowired
	@Qualifier("books")
	Migrations books;

	@DynamicPropertySource
	static void databases(DynamicPropertyRegistry registry) throws IOException {
		Path directory = Files.createTempDirectory("migrations-instances");
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + directory.resolve("app.db"));
		registry.add("test.orders-url", () -> "jdbc:sqlite:" + directory.resolve("orders.db"));
		registry.add("test.books-url", () -> "jdbc:sqlite:" + directory.resolve("books.db"));
	}

	@BeforeEach
	void backToHeads() {
		this.orders.upgrade("heads");
		this.books.upgrade("heads");
	}

	@Test
	void answersForTheFirstInstanceAndNamesEveryInstance() throws Exception {
		HttpResponse<String> response = this.http.get("/actuator/migrations");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(response.body(), "$.current")).containsExactly("a00000000002");
		assertThat(JsonPath.<List<String>>read(response.body(), "$.instances")).containsExactly("orders", "books");
	}

	@Test
	void selectsAnInstanceForReading() throws Exception {
		HttpResponse<String> response = this.http.get("/actuator/migrations?instance=books");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<List<String>>read(response.body(), "$.current")).containsExactly("e00000000004");
		assertThat(this.http.get("/actuator/migrations/e00000000003?instance=books").statusCode()).isEqualTo(200);
	}

	@Test
	void selectsAnInstanceForTheDowngrade() throws Exception {
		HttpResponse<String> response = this.http.post("/actuator/migrations?instance=books",
				"{\"target\": \"-1\", \"expectedCurrent\": \"e00000000004\", \"dryRun\": false}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(this.books.current()).containsExactly("e00000000003");
		assertThat(this.orders.current()).containsExactly("a00000000002");
	}

	@Test
	void refusesAnUnknownInstance() throws Exception {
		HttpResponse<String> read = this.http.get("/actuator/migrations?instance=nosuch");
		HttpResponse<String> write = this.http.post("/actuator/migrations?instance=nosuch",
				"{\"target\": \"-1\", \"expectedCurrent\": \"a00000000002\", \"dryRun\": false}");
		for (HttpResponse<String> response : List.of(read, write)) {
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(JsonPath.<String>read(response.body(), "$.error")).isEqualTo("unknown_instance");
			assertThat(JsonPath.<String>read(response.body(), "$.message")).contains("nosuch", "orders, books");
		}
		assertThat(this.orders.current()).containsExactly("a00000000002");
	}

	@Test
	void healthHasOneComponentPerInstance() throws Exception {
		this.books.downgrade("-1");
		HttpResponse<String> response = this.http.get("/actuator/health");
		assertThat(JsonPath.<String>read(response.body(), "$.components.migrations.components.orders.status"))
			.isEqualTo("UP");
		assertThat(JsonPath.<String>read(response.body(), "$.components.migrations.components.books.status"))
			.isEqualTo("OUT_OF_SERVICE");
		assertThat(JsonPath.<String>read(response.body(), "$.components.migrations.status"))
			.isEqualTo("OUT_OF_SERVICE");
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDatabases {

		@Bean
		Migrations orders(@Value("${test.orders-url}") String url) {
			return Migrations
				.create(MigrationConfiguration.builder().url(url).locations("classpath:db/revisions").build());
		}

		@Bean
		Migrations books(@Value("${test.books-url}") String url) {
			return Migrations
				.create(MigrationConfiguration.builder().url(url).locations("classpath:db/endpoint").build());
		}

	}

}
