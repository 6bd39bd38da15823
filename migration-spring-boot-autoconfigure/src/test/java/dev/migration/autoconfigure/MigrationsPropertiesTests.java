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
		assertThat(properties.locations()).isEqualTo(configuration.locations());
		assertThat(properties.schema()).isEqualTo(configuration.schema());
		assertThat(properties.versionTable()).isEqualTo(configuration.versionTable());
		assertThat(properties.historyTable()).isEqualTo(configuration.historyTable());
		assertThat(properties.lockTimeout()).isEqualTo(configuration.lockTimeout());
		assertThat(properties.validateChecksums()).isEqualTo(configuration.validateChecksums());
		assertThat(properties.ignoreUnknownRevisions()).isEqualTo(configuration.ignoreUnknownRevisions());
		assertThat(properties.url()).isEqualTo(configuration.url());
		assertThat(properties.user()).isEqualTo(configuration.user());
		assertThat(properties.password()).isEqualTo(configuration.password());
		assertThat(properties.connectRetries()).isEqualTo(configuration.connectRetries());
		assertThat(properties.initSqls()).isEqualTo(configuration.initSqls());
		assertThat(properties.parallelism()).isEqualTo(Fleet.DEFAULT_PARALLELISM);
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
		assertThat(properties.enabled()).isTrue();
		assertThat(properties.runOnStartup()).isTrue();
		assertThat(properties.target()).isEqualTo("heads");
		assertThat(properties.failOnPending()).isFalse();
		assertThat(properties.async()).isFalse();
		assertThat(properties.locations()).containsExactly("classpath:db/revisions");
		assertThat(properties.targetSchema()).isEqualTo("classpath:db/schema.sql");
		assertThat(properties.endpoint().downgradeEnabled()).isFalse();
		assertThat(properties.endpoint().maxDowngradeSteps()).isEqualTo(1);
		assertThat(properties.connectRetries()).isZero();
		assertThat(properties.initSqls()).isEmpty();
		assertThat(properties.schemas()).isNull();
		assertThat(properties.parallelism()).isEqualTo(4);
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
		assertThat(properties.runOnStartup()).isFalse();
		assertThat(properties.javaRevisionPackages()).containsExactly("com.example.revisions");
		assertThat(properties.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.initSqls()).containsExactly("SET lock_timeout = '5s'");
		assertThat(properties.endpoint()).isEqualTo(new MigrationsProperties.Endpoint(true, 3));
		assertThat(properties.locations()).containsExactly("classpath:db/revisions");
	}

	/** The properties as the context binds them when none is set. */
	private static MigrationsProperties bound() {
		return new Binder(new MapConfigurationPropertySource()).bindOrCreate("migrations", MigrationsProperties.class);
	}

}
