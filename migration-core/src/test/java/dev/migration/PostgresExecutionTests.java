package dev.migration;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.migration.support.PostgresDatabase;
import dev.migration.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresExecutionTests extends MigrationsExecutionTests {

	@Override
	TestDatabase newDatabase(Path directory) {
		return PostgresDatabase.create();
	}

	@Test
	void tablesCanLiveInTheirOwnSchemaWhichIsCreatedOnFirstUse() {
		Migrations migrations = migrations(MigrationConfiguration.builder().schema("migrations_meta"));

		migrations.upgrade("heads");

		assertThat(this.database.queryStrings("SELECT version_num FROM migrations_meta.migration_version"))
			.containsExactly(POSTS);
		assertThat(this.database.count("SELECT COUNT(*) FROM migrations_meta.migration_history")).isEqualTo(4);
		assertThat(migrations.current()).containsExactly(POSTS);
	}

	@Test
	void nonTransactionalRevisionRunsOutsideATransaction() throws Exception {
		writeRevision("c1c1c1c1c1c1_concurrent_index.sql", """
				-- revision: c1c1c1c1c1c1
				-- down_revision: 7d2e41c0b9aa
				-- message: Index post titles without locking writes
				-- transactional: false

				-- upgrade
				CREATE INDEX CONCURRENTLY ix_posts_title ON posts (title);

				-- downgrade
				DROP INDEX CONCURRENTLY ix_posts_title;
				""");
		Migrations migrations = migrations();

		migrations.upgrade("heads");
		assertThat(this.database.schema()).contains("posts.index ix_posts_title");
		migrations.downgrade("-1");

		assertThat(this.database.schema()).doesNotContain("posts.index ix_posts_title");
		assertThat(migrations.current()).containsExactly(POSTS);
	}

}
