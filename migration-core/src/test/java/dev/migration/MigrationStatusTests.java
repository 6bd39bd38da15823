package dev.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migration.MigrationStatus.RevisionStatus;
import dev.migration.support.DatabaseTests;
import dev.migration.support.Recording;
import org.junit.jupiter.api.Test;

import static dev.migration.MigrationsExecutionTests.CHAIN;
import static dev.migration.MigrationsExecutionTests.POSTS;
import static dev.migration.MigrationsExecutionTests.TEAMS;
import static dev.migration.MigrationsExecutionTests.USERS;
import static dev.migration.MigrationsExecutionTests.VERIFICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link Migrations#status()} against a real database, with every connection and query
 * recorded: one connection and one query for everything the endpoint, the health
 * indicator and the command line show. Also the typed refusals of
 * {@link Migrations#planDowngrade}. Each subclass names the database.
 */
abstract class MigrationStatusTests extends DatabaseTests {

	MigrationStatusTests() {
		super(true);
	}

	int connections;

	final List<String> queries = new ArrayList<>();

	@Test
	void statusIsOneConnectionAndOneQuery() {
		Migrations migrations = recorded(MigrationConfiguration.builder());
		migrations.upgrade(VERIFICATION);
		this.connections = 0;
		this.queries.clear();

		MigrationStatus status = migrations.status();

		assertThat(this.connections).isEqualTo(1);
		assertThat(tableQueries()).hasSize(1);
		assertThat(status.current()).containsExactly(VERIFICATION);
		assertThat(status.heads()).containsExactly(POSTS);
		assertThat(status.pending()).containsExactly(TEAMS, POSTS);
		assertThat(status.upToDate()).isFalse();
		assertThat(status.pendingFailure()).isNull();
		assertThat(status.revisions()).extracting((revision) -> revision.info().id())
			.containsExactly(POSTS, TEAMS, VERIFICATION, USERS);
		assertThat(status.revisions()).extracting(RevisionStatus::applied).containsExactly(false, false, true, true);
		assertThat(status.revisions()).extracting(RevisionStatus::current).containsExactly(false, false, true, false);
		RevisionStatus verification = status.revision(VERIFICATION);
		assertThat(verification.lastUpgrade().appliedAt()).isNotNull();
		assertThat(verification.lastUpgrade().appliedBy()).isNotBlank();
		assertThat(verification.lastUpgrade().durationMs()).isNotNegative();
		assertThat(verification.lastUpgrade().checksum()).isEqualTo(verification.info().checksum());
		assertThat(status.revision(TEAMS).lastUpgrade()).isNull();
		assertThat(status.history()).extracting(HistoryEntry::revision).containsExactly(VERIFICATION, USERS);
		assertThat(status.unfinished()).isEmpty();
	}

	@Test
	void theLatestUpgradeOfARevisionIsItsLastOneAndTheHistoryIsLimited() {
		Migrations migrations = migrations(MigrationConfiguration.builder());
		migrations.upgrade("heads");
		migrations.downgrade(TEAMS);
		migrations.upgrade("heads");
		long lastPostsUpgrade = this.database
			.count("SELECT MAX(id) FROM migration_history WHERE revision = ? " + "AND direction = 'upgrade'", POSTS);

		MigrationStatus status = migrations.status("heads", 2);

		assertThat(status.upToDate()).isTrue();
		assertThat(status.revision(POSTS).lastUpgrade().id()).isEqualTo(lastPostsUpgrade);
		assertThat(status.history()).extracting(HistoryEntry::direction)
			.containsExactly(Direction.UPGRADE, Direction.DOWNGRADE);
		assertThat(migrations.status("heads", 0).history()).isEmpty();
		assertThat(migrations.status(VERIFICATION, 0).pending()).isEmpty();
	}

	@Test
	void anEmptyDatabaseIsBaseWithEverythingPendingAndNothingCreated() {
		MigrationStatus status = migrations(MigrationConfiguration.builder()).status();

		assertThat(status.current()).isEmpty();
		assertThat(status.pending()).containsExactlyElementsOf(CHAIN);
		assertThat(status.revisions()).noneMatch(RevisionStatus::applied);
		assertThat(status.history()).isEmpty();
		assertThat(this.database.tables()).isEmpty();
		assertThat(this.database.queryStrings(tablesQuery())).noneMatch((table) -> table.startsWith("migration_"));
	}

	@Test
	void aVersionTableAloneIsReadWithAnEmptyHistory() {
		this.database.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
				+ "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))");
		this.database.execute("INSERT INTO alembic_version VALUES ('" + VERIFICATION + "')");

		MigrationStatus status = migrations(MigrationConfiguration.builder().versionTable("alembic_version")).status();

		assertThat(status.current()).containsExactly(VERIFICATION);
		assertThat(status.pending()).containsExactly(TEAMS, POSTS);
		assertThat(status.revision(USERS).applied()).isTrue();
		assertThat(status.revision(USERS).lastUpgrade()).isNull();
		assertThat(status.history()).isEmpty();
		assertThat(status.unfinished()).isEmpty();
	}

	@Test
	void anUnfinishedNonTransactionalRevisionIsPartOfTheStatus() {
		Migrations migrations = migrations(MigrationConfiguration.builder());
		migrations.upgrade(VERIFICATION);
		// the claim a killed process leaves: written before the first statement, never
		// completed
		this.database.execute("INSERT INTO migration_history (revision, direction, down_revisions, message, checksum, "
				+ "applied_at, applied_by, duration_ms, success) VALUES ('" + TEAMS + "', 'upgrade', '" + VERIFICATION
				+ "', 'Create teams', NULL, " + timestamp() + ", 'killed', -1, " + falseLiteral() + ")");

		MigrationStatus status = migrations.status();

		assertThat(status.unfinished()).isEqualTo(migrations.unfinished());
		assertThat(status.unfinished()).singleElement().satisfies((unfinished) -> {
			assertThat(unfinished.revision()).isEqualTo(TEAMS);
			assertThat(unfinished.startedBy()).isEqualTo("killed");
			assertThat(unfinished.failed()).isFalse();
		});
	}

	@Test
	void aVersionRowWithoutRevisionFileKeepsTheStatusReadable() {
		Migrations migrations = migrations(MigrationConfiguration.builder());
		migrations.upgrade(USERS);
		this.database.execute("UPDATE migration_version SET version_num = 'ffffffffffff'");

		MigrationStatus status = migrations.status();

		assertThat(status.current()).containsExactly("ffffffffffff");
		assertThat(status.pendingFailure()).isInstanceOf(MigrationException.class);
		assertThat(status.pending()).containsExactlyElementsOf(CHAIN);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(status::requirePlannable)
			.isSameAs(status.pendingFailure());
	}

	@Test
	void aGuardedDowngradeFromRowsTheDatabaseIsNotAtIsAConcurrentChange() {
		Migrations migrations = migrations(MigrationConfiguration.builder());
		migrations.upgrade(TEAMS);

		assertThatExceptionOfType(ConcurrentChangeException.class)
			.isThrownBy(() -> migrations.planGuardedDowngrade(USERS, List.of(VERIFICATION), 10))
			.withMessageContaining("at " + TEAMS + ", not at the expected " + VERIFICATION);
		assertThat(migrations.planGuardedDowngrade(USERS, List.of(TEAMS), 10).steps()).hasSize(2);
		assertThat(migrations.status().requirePlannable().current()).containsExactly(TEAMS);
	}

	@Test
	void aGuardedDowngradeRefusesATargetThatIsNotBelowTheCurrentRevision() {
		Migrations migrations = migrations(MigrationConfiguration.builder());
		migrations.upgrade(TEAMS);
		List<String> current = List.of(TEAMS);

		assertThatExceptionOfType(NotAnAncestorException.class)
			.isThrownBy(() -> migrations.planDowngrade(POSTS, current, 10))
			.satisfies((refusal) -> {
				assertThat(refusal.revisions()).containsExactly(POSTS);
				assertThat(refusal.current()).containsExactly(TEAMS);
			})
			.withMessageContaining("not an ancestor");
		assertThatExceptionOfType(NotAnAncestorException.class)
			.isThrownBy(() -> migrations.planDowngrade(TEAMS, current, 10))
			.withMessageContaining("nothing to downgrade");
		assertThatExceptionOfType(NotAnAncestorException.class)
			.isThrownBy(() -> migrations.planDowngrade("nosuchrev", current, 10))
			.withMessageContaining("nosuchrev");
		assertThat(migrations.current()).containsExactly(TEAMS);
	}

	@Test
	void aGuardedDowngradeRefusesMoreStepsThanItsLimitNamingThem() {
		Migrations migrations = migrations(MigrationConfiguration.builder());
		migrations.upgrade("heads");

		assertThatExceptionOfType(TooManyStepsException.class)
			.isThrownBy(() -> migrations.planDowngrade(VERIFICATION, List.of(POSTS), 1))
			.satisfies((refusal) -> {
				assertThat(refusal.revisions()).containsExactly(POSTS, TEAMS);
				assertThat(refusal.limit()).isEqualTo(1);
				assertThat(refusal.target()).isEqualTo(VERIFICATION);
			});
		Plan plan = migrations.planDowngrade(VERIFICATION, List.of(POSTS), 2);
		assertThat(plan.steps()).extracting(Step::revision).containsExactly(POSTS, TEAMS);
		assertThat(migrations.current()).containsExactly(POSTS);
	}

	@Test
	void aGuardedDowngradeRefusesToPassAnIrreversibleRevision() throws IOException {
		Files.writeString(this.revisions.resolve("b5b5b5b5b5b5_irreversible.sql"), """
				-- revision: b5b5b5b5b5b5
				-- down_revision: 7d2e41c0b9aa
				-- message: Drop nothing, irreversibly

				-- upgrade
				CREATE TABLE audit (id INTEGER);
				""");
		Migrations migrations = migrations(MigrationConfiguration.builder());
		migrations.upgrade("heads");

		assertThatExceptionOfType(IrreversibleRevisionException.class)
			.isThrownBy(() -> migrations.planDowngrade(TEAMS, List.of("b5b5b5b5b5b5"), 10))
			.satisfies((refusal) -> assertThat(refusal.revisions()).containsExactly("b5b5b5b5b5b5"));
	}

	/**
	 * On a DataSource that counts its connections and writes down the SQL of every query.
	 */
	private Migrations recorded(MigrationConfiguration.Builder builder) {
		return Migrations
			.create(builder.dataSource(Recording.dataSource(this.database, this.queries, () -> this.connections++))
				.locations("filesystem:" + this.revisions)
				.build());
	}

	/**
	 * The queries that read or write the engine's tables (not a dialect's session
	 * settings).
	 */
	private List<String> tableQueries() {
		return this.queries.stream().filter((sql) -> sql.toLowerCase(Locale.ROOT).contains("migration_")).toList();
	}

	private String falseLiteral() {
		return this.database.kind().equals("sqlite") ? "0" : "FALSE";
	}

	private String timestamp() {
		return this.database.kind().equals("sqlite") ? "'2026-12-07T09:00:00Z'"
				: "TIMESTAMP WITH TIME ZONE '2026-12-07T09:00:00Z'";
	}

	private String tablesQuery() {
		return this.database.kind().equals("sqlite") ? "SELECT name FROM sqlite_master WHERE type = 'table'"
				: "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'";
	}

}
