package dev.migration.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.migration.Fleet;
import dev.migration.MigrationConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsPropertiesTests {

	@Test
	void defaultValuesAreConsistent() {
		MigrationsProperties properties = bound();
		MigrationConfiguration configuration = MigrationConfiguration.builder().build();
		assertThat(properties.getLocations()).isEqualTo(configuration.locations());
		assertThat(properties.getSchema()).isEqualTo(configuration.schema());
		assertThat(properties.getVersionTable()).isEqualTo(configuration.versionTable());
		assertThat(properties.getHistoryTable()).isEqualTo(configuration.historyTable());
		assertThat(properties.getLockTimeout()).isEqualTo(configuration.lockTimeout());
		assertThat(properties.isValidateChecksums()).isEqualTo(configuration.validateChecksums());
		assertThat(properties.isIgnoreUnknownRevisions()).isEqualTo(configuration.ignoreUnknownRevisions());
		assertThat(properties.getUrl()).isEqualTo(configuration.url());
		assertThat(properties.getUser()).isEqualTo(configuration.user());
		assertThat(properties.getPassword()).isEqualTo(configuration.password());
		assertThat(properties.getConnectRetries()).isEqualTo(configuration.connectRetries());
		assertThat(properties.getInitSqls()).isEqualTo(configuration.initSqls());
		assertThat(properties.getParallelism()).isEqualTo(Fleet.DEFAULT_PARALLELISM);
	}

	@Test
	void operationsPropertiesAreInTheConfigurationMetadata() throws IOException {
		try (InputStream metadata = new ClassPathResource("META-INF/spring-configuration-metadata.json")
			.getInputStream()) {
			String json = new String(metadata.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(json).contains("\"name\": \"migrations.connect-retries\"", "\"name\": \"migrations.init-sqls\"",
					"\"name\": \"migrations.schemas\"", "\"name\": \"migrations.parallelism\"");
		}
	}

	@Test
	void defaultValuesMatchTheContract() {
		MigrationsProperties properties = bound();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.isRunOnStartup()).isTrue();
		assertThat(properties.getTarget()).isEqualTo("heads");
		assertThat(properties.isFailOnPending()).isFalse();
		assertThat(properties.isAsync()).isFalse();
		assertThat(properties.getLocations()).containsExactly("classpath:db/revisions");
		assertThat(properties.getTargetSchema()).isEqualTo("classpath:db/schema.sql");
		assertThat(properties.getEndpoint().isDowngradeEnabled()).isFalse();
		assertThat(properties.getEndpoint().getMaxDowngradeSteps()).isEqualTo(1);
		assertThat(properties.getConnectRetries()).isZero();
		assertThat(properties.getInitSqls()).isEmpty();
		assertThat(properties.getSchemas()).isNull();
		assertThat(properties.getParallelism()).isEqualTo(4);
	}

	@Test
	void bindsEveryProperty() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("migrations.run-on-startup", "false");
		values.put("migrations.java-revision-packages", "com.example.revisions");
		values.put("migrations.lock-timeout", "5s");
		values.put("migrations.init-sqls[0]", "SET lock_timeout = '5s'");
		values.put("migrations.endpoint.downgrade-enabled", "true");
		values.put("migrations.endpoint.max-downgrade-steps", "3");
		MigrationsProperties properties = new Binder(new MapConfigurationPropertySource(values))
			.bindOrCreate("migrations", MigrationsProperties.class);
		assertThat(properties.isRunOnStartup()).isFalse();
		assertThat(properties.getJavaRevisionPackages()).containsExactly("com.example.revisions");
		assertThat(properties.getLockTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.getInitSqls()).containsExactly("SET lock_timeout = '5s'");
		assertThat(properties.getEndpoint().isDowngradeEnabled()).isTrue();
		assertThat(properties.getEndpoint().getMaxDowngradeSteps()).isEqualTo(3);
		assertThat(properties.getLocations()).containsExactly("classpath:db/revisions");
	}

	/** The properties as the context binds them when none is set. */
	private static MigrationsProperties bound() {
		return new Binder(new MapConfigurationPropertySource()).bindOrCreate("migrations", MigrationsProperties.class);
	}

}
