package dev.migration.sample;

import dev.migration.Migrations;
import dev.migration.support.PostgresDatabase;

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

	static final PostgresDatabase database = PostgresDatabase.create();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", database::password);
	}

	@Override
	Migrations scratchMigrations() {
		PostgresDatabase scratch = PostgresDatabase.create();
		return Migrations.create(this.migrations.configuration()
			.toBuilder()
			.dataSource(null)
			.url(scratch.url())
			.user(scratch.user())
			.password(scratch.password())
			.build());
	}

}
