package dev.migration.autoconfigure;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.migration.autoconfigure.endpoint.MigrationsEndpoint;
import dev.migration.autoconfigure.endpoint.MigrationsEndpoint.ErrorDescriptor;
import dev.migration.autoconfigure.endpoint.MigrationsEndpointAutoConfiguration;
import dev.migration.autoconfigure.health.MigrationsHealthContributorAutoConfiguration;
import dev.migration.autoconfigure.health.MigrationsHealthIndicator;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No password in what the starter prints or answers: the failure analysis, the startup
 * failure's stack trace, log lines, health details and endpoint refusals, for passwords
 * in {@code migrations.url} and in {@code migrations.password}. Every password ends in
 * the same marker, so that a leaked tail is found too.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsPasswordRedactionTests {

	private static final String MARKER = "Xy7Tail";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class,
				MigrationsHealthContributorAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoint.migrations.access=UNRESTRICTED",
				"management.endpoints.web.exposure.include=migrations", "migrations.endpoint.downgrade-enabled=true");

	@TempDir
	Path directory;

	static Stream<Arguments> passwords() {
		List<Arguments> cases = new ArrayList<>();
		for (String password : List.of("Sekr3t;" + MARKER, "a&b=c;" + MARKER, "p@ss w0rd%;" + MARKER)) {
			cases.add(Arguments.of(password, true));
			cases.add(Arguments.of(password, false));
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "in the URL {1}: {0}")
	@MethodSource("passwords")
	void anUnreachableDatabaseOnStartup(String password, boolean inUrl, CapturedOutput output) {
		assertFailureHides(password, this.runner, connection("jdbc:postgresql://localhost:1/app", password, inUrl),
				"Cannot connect to jdbc:postgresql://localhost:1/app");
		assertNoSecret(output.getAll(), password);
	}

	@ParameterizedTest(name = "in the URL {1}: {0}")
	@MethodSource("passwords")
	void theApplicationsDataSourceUnreachableOnStartup(String password, boolean inUrl, CapturedOutput output) {
		String[] connection = Stream.of(connection("jdbc:postgresql://localhost:1/app", password, inUrl))
			.map((property) -> property.replace("migrations.", "spring.datasource."))
			.toArray(String[]::new);
		assertFailureHides(password,
				this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class)), connection,
				"Cannot connect to the configured DataSource");
		assertNoSecret(output.getAll(), password);
	}

	@ParameterizedTest(name = "in the URL {1}: {0}")
	@MethodSource("passwords")
	void aUrlNoDriverAccepts(String password, boolean inUrl) {
		assertFailureHides(password, this.runner, connection("jdbc:postgresq://localhost:1/app", password, inUrl),
				"No suitable driver");
	}

	@ParameterizedTest(name = "in the URL {1}: {0}")
	@MethodSource("passwords")
	void theHealthOfAnUnreachableDatabase(String password, boolean inUrl) {
		this.runner.withPropertyValues(connection("jdbc:postgresql://localhost:1/app", password, inUrl))
			.withPropertyValues("migrations.run-on-startup=false")
			.run((context) -> {
				Health health = context.getBean(MigrationsHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().get("error")).asString().contains("Cannot connect");
				assertNoSecret(health.getDetails().toString(), password);
			});
	}

	@ParameterizedTest(name = "in the URL {1}: {0}")
	@MethodSource("passwords")
	void aBackgroundUpgradeThatFailsLogsNoPassword(String password, boolean inUrl, CapturedOutput output) {
		this.runner.withPropertyValues(connection("jdbc:postgresql://localhost:1/app", password, inUrl))
			.withPropertyValues("migrations.async=true")
			.run((context) -> {
				MigrationsInitializer initializer = context.getBean(MigrationsInitializer.class);
				Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
				// the state turns FAILED just before the line is logged: wait for both
				while (initializer.getState() != MigrationsInitializer.State.FAILED
						|| !output.getAll().contains("Background upgrade to 'heads' failed")) {
					assertThat(Instant.now()).as("background upgrade failed and logged").isBefore(deadline);
					Thread.onSpinWait();
				}
				Health health = context.getBean(MigrationsHealthIndicator.class).health();
				assertNoSecret(health.getDetails().toString(), password);
			});
		assertThat(output.getAll()).contains("Background upgrade to 'heads' failed");
		assertNoSecret(output.getAll(), password);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("passwords")
	void anEndpointRefusalThatQuotesTheRequest(String password, boolean inUrl, CapturedOutput output) {
		this.runner
			.withPropertyValues("migrations.url=jdbc:sqlite:" + this.directory.resolve("app.db"),
					"migrations.password=" + password)
			.run((context) -> {
				MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
				WebEndpointResponse<OperationResponseBody> answer = endpoint.downgrade(password, "a00000000002", false,
						null, SecurityContext.NONE);
				assertThat(answer.getStatus()).isEqualTo(422);
				assertNoSecret(((ErrorDescriptor) answer.getBody()).message(), password);
			});
		assertNoSecret(output.getAll(), password);
	}

	private static String[] connection(String url, String password, boolean inUrl) {
		if (inUrl) {
			String encoded = password.replace("%", "%25").replace("&", "%26").replace(" ", "%20");
			return new String[] { "migrations.url=" + url + "?password=" + encoded };
		}
		return new String[] { "migrations.url=" + url, "migrations.password=" + password };
	}

	/**
	 * Starts the application with the connection settings, which fails, and checks that
	 * neither the failure analysis (made as Spring Boot makes it, with the application's
	 * environment) nor the stack trace shows the password.
	 */
	private static void assertFailureHides(String password, ApplicationContextRunner runner, String[] connection,
			String description) {
		runner.withPropertyValues(connection).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			MockEnvironment environment = new MockEnvironment();
			for (String property : connection) {
				int equals = property.indexOf('=');
				environment.setProperty(property.substring(0, equals), property.substring(equals + 1));
			}
			FailureAnalysis analysis = new MigrationsFailureAnalyzer(environment).analyze(failure);
			assertThat(analysis.getDescription()).contains(description);
			assertNoSecret(analysis.getDescription() + analysis.getAction(), password);
			assertNoSecret(stackTrace(failure), password);
		});
	}

	private static String stackTrace(Throwable failure) {
		StringWriter trace = new StringWriter();
		failure.printStackTrace(new PrintWriter(trace));
		return trace.toString();
	}

	private static void assertNoSecret(String text, String password) {
		assertThat(text).doesNotContain(password).doesNotContain(MARKER);
	}

}
