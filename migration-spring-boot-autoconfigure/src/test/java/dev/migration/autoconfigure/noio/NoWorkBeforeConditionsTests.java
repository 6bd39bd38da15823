package dev.migration.autoconfigure.noio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.migration.Migrations;
import dev.migration.autoconfigure.MigrationsAutoConfiguration;
import dev.migration.autoconfigure.endpoint.MigrationsEndpointAutoConfiguration;
import dev.migration.autoconfigure.health.MigrationsHealthContributorAutoConfiguration;
import dev.migration.autoconfigure.metrics.MigrationsMetricsAutoConfiguration;
import dev.migration.support.PostgresDatabase;
import dev.migration.support.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationAotProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.AbstractAotProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing happens before the auto-configuration's conditions match: with
 * {@code migrations.enabled=false}, with the auto-configuration excluded, and while
 * Spring AOT processes the application at build time, not one connection reaches the
 * (real) PostgreSQL server; every connection is counted by a proxy in front of it.
 */
class NoWorkBeforeConditionsTests {

	private TcpProxy proxy;

	private List<String> arguments;

	@TempDir
	Path aotOutput;

	@BeforeEach
	void database() {
		PostgresDatabase database = PostgresDatabase.create();
		this.proxy = TcpProxy.toPostgres(0);
		this.arguments = new ArrayList<>(List.of("--spring.main.web-application-type=none",
				"--spring.datasource.url=" + this.proxy.postgresUrl(database.name()),
				"--spring.datasource.username=" + database.user(),
				"--spring.datasource.password=" + database.password()));
	}

	@AfterEach
	void closeProxy() {
		this.proxy.close();
	}

	@Test
	void anEnabledStarterConnects() {
		// the control: without it, zero below could mean the proxy counts nothing
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getBeansOfType(Migrations.class)).hasSize(1);
		}
		assertThat(this.proxy.connections()).isPositive();
	}

	@Test
	void disabledOpensNoConnection() {
		try (ConfigurableApplicationContext context = run("--migrations.enabled=false")) {
			assertThat(context.getBeansOfType(Migrations.class)).isEmpty();
		}
		assertThat(this.proxy.connections()).isZero();
	}

	@Test
	void excludedOpensNoConnection() {
		try (ConfigurableApplicationContext context = run(
				"--spring.autoconfigure.exclude=dev.migration.autoconfigure.MigrationsAutoConfiguration")) {
			assertThat(context.getBeansOfType(Migrations.class)).isEmpty();
		}
		assertThat(this.proxy.connections()).isZero();
	}

	@Test
	void aotProcessingOpensNoConnection() throws Exception {
		AbstractAotProcessor.Settings settings = AbstractAotProcessor.Settings.builder()
			.sourceOutput(this.aotOutput.resolve("sources"))
			.resourceOutput(this.aotOutput.resolve("resources"))
			.classOutput(this.aotOutput.resolve("classes"))
			.groupId("dev.migration")
			.artifactId("no-io")
			.build();
		new SpringApplicationAotProcessor(NoIoApplication.class, settings, this.arguments.toArray(String[]::new))
			.process();
		try (Stream<Path> generated = Files.walk(this.aotOutput.resolve("sources"))) {
			// the processing saw the starter: its auto-configuration is part of the
			// generated bean definitions
			assertThat(generated.map(Path::toString)).anyMatch((file) -> file.contains("MigrationsAutoConfiguration"));
		}
		assertThat(this.proxy.connections()).isZero();
	}

	private ConfigurableApplicationContext run(String... more) {
		List<String> all = new ArrayList<>(this.arguments);
		all.addAll(List.of(more));
		return new SpringApplicationBuilder(NoIoApplication.class).web(WebApplicationType.NONE)
			.run(all.toArray(String[]::new));
	}

	/**
	 * A small JDBC application with every auto-configuration of the starter (a full
	 * classpath scan would only make the test slow: each auto-configuration that matches
	 * is processed, nothing else connects).
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
			DataSourceInitializationAutoConfiguration.class, MigrationsAutoConfiguration.class,
			MigrationsEndpointAutoConfiguration.class, MigrationsHealthContributorAutoConfiguration.class,
			MigrationsMetricsAutoConfiguration.class })
	public static class NoIoApplication {

		public static void main(String[] args) {
			SpringApplication.run(NoIoApplication.class, args);
		}

	}

}
