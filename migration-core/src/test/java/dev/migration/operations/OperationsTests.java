package dev.migration.operations;

import java.util.List;

import dev.migration.Direction;
import dev.migration.IrreversibleRevisionException;
import dev.migration.JavaRevision;
import dev.migration.MigrationConfiguration;
import dev.migration.Migrations;
import dev.migration.RevisionFailedException;
import dev.migration.support.DatabaseTests;
import dev.migration.support.TestRevision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every operation run on a real database with rows in the tables, up and down. Each
 * subclass names the database.
 */
abstract class OperationsTests extends DatabaseTests {

	OperationsTests() {
		super(false);
	}

	Migrations migrations(List<JavaRevision> javaRevisions) {
		return migrations(MigrationConfiguration.builder().javaRevisions(javaRevisions));
	}

	@Test
	void revisionsThatDoNotOverrideDowngradeAreReversibleThroughTheirOperations() {
		Migrations migrations = migrations(SeedRevisions.all());
		assertThat(migrations.revisions()).allSatisfy((revision) -> assertThat(revision.reversible()).isTrue());
	}

	@Test
	void seedUpgradesKeepingRowsAndDowngradesStepByStep() {
		Migrations migrations = migrations(SeedRevisions.all());
		List<String> atBase = this.database.schema();
		migrations.upgrade("a4");
		List<String> atPosts = this.database.schema();
		assertThat(this.database.count("SELECT COUNT(*) FROM users")).isEqualTo(3);
		assertThat(this.database.queryStrings("SELECT username FROM users WHERE email IS NULL"))
			.containsExactly("o'hara");
		// NOT reads a boolean on PostgreSQL and the 0 of SQLite's BOOLEAN alike
		assertThat(this.database.count("SELECT COUNT(*) FROM users WHERE NOT email_verified")).isEqualTo(3);
		this.database.execute("INSERT INTO teams (name) VALUES ('core')");
		this.database.execute("UPDATE users SET team_id = 1 WHERE username = 'ada'");

		migrations.upgrade("heads");
		assertThat(this.database.count("SELECT COUNT(*) FROM users")).isEqualTo(3);
		assertThat(this.database.queryStrings("SELECT email_address FROM users WHERE username = 'bob'"))
			.containsExactly("bob@example.com");
		assertThat(this.database.queryStrings("SELECT team_id FROM users WHERE username = 'ada'")).containsExactly("1");
		assertThat(this.database.schema())
			.contains("users.email_address varchar YES", "users.index ix_users_email", "posts.index ix_posts_user")
			.noneMatch((line) -> line.startsWith("users.email_verified "));
		assertThat(this.database.count("SELECT COUNT(*) FROM posts")).isEqualTo(1);
		// the check constraint added by the last revision holds
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.database.execute("UPDATE users SET username = 'x' WHERE username = 'bob'"));

		migrations.downgrade("a4");
		assertThat(this.database.schema()).isEqualTo(atPosts);
		assertThat(this.database.queryStrings("SELECT email FROM users WHERE username = 'bob'"))
			.containsExactly("bob@example.com");
		assertThat(this.database.count("SELECT COUNT(*) FROM users")).isEqualTo(3);
		assertThat(this.database.count("SELECT COUNT(*) FROM posts")).isEqualTo(1);

		migrations.downgrade("base");
		assertThat(this.database.schema()).isEqualTo(atBase);
		assertThat(this.database.tables()).isEmpty();
	}

	@Test
	void aRevisionThatExecutesSqlAndHasNoDowngradeIsRefusedBeforeAnythingRuns() {
		JavaRevision backfill = TestRevision.of("a6", "a5", (operations) -> {
			operations.addColumn("users", Column.of("display_name", ColumnType.TEXT));
			operations.execute("UPDATE users SET display_name = username");
		});
		List<JavaRevision> revisions = new java.util.ArrayList<>(SeedRevisions.all());
		revisions.add(backfill);
		Migrations migrations = migrations(revisions);
		migrations.upgrade("heads");
		assertThat(this.database.queryStrings("SELECT display_name FROM users WHERE username = 'ada'"))
			.containsExactly("ada");
		List<String> before = this.database.schema();
		assertThatExceptionOfType(IrreversibleRevisionException.class).isThrownBy(() -> migrations.downgrade("base"))
			.withMessageContaining("a6");
		assertThat(this.database.schema()).isEqualTo(before);
		assertThat(migrations.current()).containsExactly("a6");
	}

	@Test
	void aFailingOperationRollsTheWholeStepBack() {
		JavaRevision broken = TestRevision.of("a6", "a5", (operations) -> {
			operations.addColumn("users", Column.of("nickname", ColumnType.TEXT));
			operations.alterColumn("users", "nickname", ColumnChange.to().nullable(false).existingNullable(true));
		});
		List<JavaRevision> revisions = new java.util.ArrayList<>(SeedRevisions.all());
		revisions.add(broken);
		Migrations migrations = migrations(revisions);
		migrations.upgrade("a5");
		List<String> before = this.database.schema();
		assertThatExceptionOfType(RevisionFailedException.class).isThrownBy(() -> migrations.upgrade("heads"))
			.withMessageContaining("a6");
		assertThat(this.database.schema()).isEqualTo(before);
		assertThat(this.database.count("SELECT COUNT(*) FROM users")).isEqualTo(3);
		assertThat(migrations.current()).containsExactly("a5");
	}

	@Test
	void aRevisionWithoutDowngradeRunsItsUpgradeOnlyOnceItsInverseIsNeeded() {
		java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
		JavaRevision plain = TestRevision.of("p1", null, (operations) -> {
			runs.incrementAndGet();
			operations.createTable("plain", Column.of("id", ColumnType.INTEGER));
		});
		Migrations migrations = migrations(List.of(plain));
		migrations.upgrade("heads");
		assertThat(runs).as("loading and upgrading run the upgrade once, in its step").hasValue(1);

		migrations.downgrade("base");

		assertThat(runs).as("the downgrade plan recorded the upgrade once more, against no database").hasValue(2);
		assertThat(this.database.tables()).doesNotContain("plain");
		assertThat(migrations.revisions()).singleElement()
			.satisfies((revision) -> assertThat(revision.reversible()).isTrue());
		assertThat(runs).hasValue(2);
	}

	@Test
	void offlineScriptRendersEachOperation() {
		Migrations migrations = Migrations.create(MigrationConfiguration.builder()
			.dialect(this.database.kind())
			.locations("filesystem:" + this.revisions)
			.javaRevisions(SeedRevisions.all())
			.build());
		String upgrade = migrations.script(migrations.plan(Direction.UPGRADE, List.of("heads"), List.of(), false),
				"dba");
		assertThat(upgrade).contains(expectedUpgradeSql());
		String downgrade = migrations
			.script(migrations.plan(Direction.DOWNGRADE, List.of("base"), List.of("a5"), false), "dba");
		assertThat(downgrade).contains(expectedDowngradeSql());
	}

	abstract String[] expectedUpgradeSql();

	abstract String[] expectedDowngradeSql();

}
