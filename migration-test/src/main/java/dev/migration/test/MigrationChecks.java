package dev.migration.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.migration.Direction;
import dev.migration.IrreversibleRevisionException;
import dev.migration.JavaRevision;
import dev.migration.LintFinding;
import dev.migration.LintReport;
import dev.migration.MigrationConfiguration;
import dev.migration.MigrationException;
import dev.migration.Migrations;
import dev.migration.Plan;
import dev.migration.RevisionFailedException;
import dev.migration.RevisionInfo;
import dev.migration.SchemaDiff;
import dev.migration.SchemaFilter;
import dev.migration.SchemaSnapshot;
import dev.migration.Step;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.MultipleFailuresError;
import org.opentest4j.TestAbortedException;

/**
 * The checks pytest-alembic runs on an Alembic project, for this project's revisions,
 * ready to call from any JUnit 5 test with a JDBC URL or a DataSource:
 *
 * <pre>{@code
 * MigrationChecks checks = MigrationChecks.forUrl("jdbc:sqlite:" + tempDir.resolve("checks.db"))
 *         .locations("classpath:db/revisions")
 *         .targetSchema("classpath:db/schema.sql");
 * checks.assertSingleHead();
 * checks.assertUpgradeToHeads();
 * checks.assertUpDownConsistency();
 * checks.assertMatchesTargetSchema();
 * checks.assertDowngradeLeavesNothing();
 * checks.assertLintClean(); // not part of assertAll(): a project decides when its revisions must be lint clean
 * }</pre>
 *
 * Give the checks a database of their own (a SQLite file in a temporary directory, a
 * fresh PostgreSQL database): they move it up and down freely, each starting from the
 * state it needs (a check that starts at base first downgrades whatever is applied). A
 * failure is an {@link AssertionFailedError} whose message names the revision and the
 * difference. Instances are immutable: every setter returns a new one.
 */
public final class MigrationChecks {

	/**
	 * Where the target schema is when none is given, as the
	 * {@code migrations.target-schema} property's default.
	 */
	public static final String DEFAULT_TARGET_SCHEMA = "classpath:db/schema.sql";

	private final MigrationConfiguration configuration;

	private final String targetSchema;

	private final SchemaFilter filter;

	private final Set<String> irreversibleAllowed;

	private Migrations migrations;

	/**
	 * The schema at base before any check moved the database: what every later return to
	 * base must give again.
	 */
	private SchemaSnapshot pristine;

	private MigrationChecks(MigrationConfiguration configuration, String targetSchema, SchemaFilter filter,
			Set<String> irreversibleAllowed, Migrations migrations) {
		this.configuration = configuration;
		this.targetSchema = targetSchema;
		this.filter = filter;
		this.irreversibleAllowed = Collections.unmodifiableSet(new TreeSet<>(irreversibleAllowed));
		this.migrations = migrations;
	}

	/**
	 * Checks on the database at this JDBC URL, with the revisions of
	 * {@code classpath:db/revisions}.
	 */
	public static MigrationChecks forUrl(String url) {
		return forUrl(url, null, null);
	}

	/** {@link #forUrl(String)} with credentials. */
	public static MigrationChecks forUrl(String url, String user, String password) {
		return forConfiguration(MigrationConfiguration.builder().url(url).user(user).password(password).build());
	}

	/**
	 * Checks on the database of this DataSource, with the revisions of
	 * {@code classpath:db/revisions}.
	 */
	public static MigrationChecks forDataSource(DataSource dataSource) {
		return forConfiguration(MigrationConfiguration.builder().dataSource(dataSource).build());
	}

	/**
	 * Checks with everything the configuration says: database, locations, Java revisions,
	 * table names.
	 */
	public static MigrationChecks forConfiguration(MigrationConfiguration configuration) {
		return new MigrationChecks(configuration, DEFAULT_TARGET_SCHEMA, SchemaFilter.defaults(), Set.of(), null);
	}

	/**
	 * Checks with a {@link Migrations} made elsewhere, e.g. from a Spring application's
	 * configuration pointed at a scratch database. The kit runs its commands on it.
	 */
	public static MigrationChecks forMigrations(Migrations migrations) {
		return new MigrationChecks(migrations.configuration(), DEFAULT_TARGET_SCHEMA, SchemaFilter.defaults(), Set.of(),
				migrations);
	}

	/**
	 * Where the revisions are, e.g. {@code classpath:db/revisions},
	 * {@code filesystem:src/main/resources/db/x}; {@code {vendor}} becomes {@code sqlite}
	 * or {@code postgresql}, as in the Spring property.
	 */
	public MigrationChecks locations(String... locations) {
		List<String> resolved = new ArrayList<>();
		for (String location : locations) {
			resolved.add(location.contains("{vendor}") ? location.replace("{vendor}", vendor()) : location);
		}
		return configure((builder) -> builder.locations(resolved));
	}

	/** Java revisions, mixed with the SQL ones as the engine mixes them. */
	public MigrationChecks javaRevisions(JavaRevision... revisions) {
		return configure((builder) -> builder.javaRevisions(revisions));
	}

	/**
	 * Anything else of the configuration: schema, version and history table names,
	 * listeners, ...
	 */
	public MigrationChecks configure(UnaryOperator<MigrationConfiguration.Builder> customizer) {
		return new MigrationChecks(customizer.apply(this.configuration.toBuilder()).build(), this.targetSchema,
				this.filter, this.irreversibleAllowed, null);
	}

	/**
	 * The desired schema that {@link #assertMatchesTargetSchema()} compares with:
	 * {@code classpath:...}, {@code filesystem:...} or a file path; {@code {vendor}} as
	 * in {@link #locations(String...)}. Default {@value #DEFAULT_TARGET_SCHEMA}.
	 */
	public MigrationChecks targetSchema(String location) {
		return new MigrationChecks(this.configuration, location, this.filter, this.irreversibleAllowed,
				this.migrations);
	}

	/**
	 * Which tables the schema comparisons look at (default: all but
	 * {@link SchemaFilter#DEFAULT_EXCLUDES}).
	 */
	public MigrationChecks tables(SchemaFilter filter) {
		return new MigrationChecks(this.configuration, this.targetSchema, filter, this.irreversibleAllowed,
				this.migrations);
	}

	/**
	 * Revisions without a downgrade on purpose: {@link #assertUpDownConsistency()} checks
	 * their upgrade only, instead of failing on them. A check that would have to
	 * downgrade through them is reported as not run (aborted), as is
	 * {@link #assertDowngradeLeavesNothing()}.
	 */
	public MigrationChecks allowIrreversible(String... revisions) {
		Set<String> allowed = new TreeSet<>(this.irreversibleAllowed);
		allowed.addAll(Arrays.asList(revisions));
		return new MigrationChecks(this.configuration, this.targetSchema, this.filter, allowed, this.migrations);
	}

	/**
	 * The engine the checks run, created on first use (it reads and validates every
	 * revision).
	 */
	public synchronized Migrations migrations() {
		if (this.migrations == null) {
			try {
				this.migrations = Migrations.create(this.configuration);
			}
			catch (MigrationException ex) {
				throw new AssertionFailedError("The revisions cannot be loaded: " + ex.getMessage(), ex);
			}
		}
		return this.migrations;
	}

	/**
	 * There is exactly one head (pytest-alembic's {@code test_single_head_revision}): two
	 * heads are most often two branches merged in version control without a merge
	 * revision, which breaks {@code upgrade head} at deploy time. Needs no database.
	 */
	public void assertSingleHead() {
		List<String> heads = migrations().heads();
		if (heads.size() == 1) {
			return;
		}
		if (heads.isEmpty()) {
			throw new AssertionFailedError("Expected one head revision, found none: there are no revisions in "
					+ this.configuration.locations() + ".");
		}
		List<String> described = new ArrayList<>();
		for (String head : heads) {
			described.add(describe(head));
		}
		throw new AssertionFailedError("Expected one head revision, found " + heads.size() + ": "
				+ String.join(", ", described) + ". Two branches of revisions were merged without a merge revision; "
				+ "write one: migration merge -m \"merge heads\" heads");
	}

	/**
	 * The revisions run from base to heads (pytest-alembic's {@code test_upgrade}).
	 * Starts at base (downgrading first when something is applied) and leaves the
	 * database at heads.
	 */
	public void assertUpgradeToHeads() {
		Migrations engine = migrations();
		toBase("upgrade to heads");
		upgradeToHeads("Upgrade from base to heads");
		List<String> current = sorted(engine.current());
		List<String> heads = sorted(engine.heads());
		if (!current.equals(heads)) {
			throw new AssertionFailedError(
					"Upgrade from base to heads ended at " + current + " instead of the heads " + heads + ".");
		}
	}

	/**
	 * Every revision, one at a time from base: its upgrade runs, its downgrade runs and
	 * leaves the schema exactly as it was before the upgrade, and its upgrade runs again
	 * and leaves the schema exactly as after the first time. pytest-alembic's
	 * {@code test_up_down_consistency} and its experimental
	 * {@code test_downgrade_leaves_no_trace} in one walk, compared with the engine's
	 * schema reflection (tables, columns with types, nullability and defaults, keys,
	 * constraints, indexes, views, sequences, types, functions, triggers). Starts at base
	 * and leaves the database at heads.
	 */
	public void assertUpDownConsistency() {
		Migrations engine = migrations();
		SchemaSnapshot before = toBase("up-down consistency");
		List<RevisionInfo> ascending = new ArrayList<>(engine.revisions());
		Collections.reverse(ascending);
		for (RevisionInfo revision : ascending) {
			String name = describe(revision);
			upgrade(revision, name, "its upgrade failed with every revision before it applied");
			SchemaSnapshot upgraded = snapshot();
			if (!revision.reversible()) {
				if (this.irreversibleAllowed.contains(revision.id())) {
					before = upgraded;
					continue;
				}
				throw new AssertionFailedError("Revision " + name + " has no downgrade, so it cannot be checked "
						+ "going down. If it is irreversible on purpose, allow it: .allowIrreversible(\""
						+ revision.id() + "\")");
			}
			revert(revision, name);
			List<String> trace = before.differencesTo(snapshot());
			if (!trace.isEmpty()) {
				throw new AssertionFailedError("Revision " + name + ": its downgrade does not undo its upgrade. "
						+ "Compared with before the upgrade, after the downgrade there is:" + lines(trace));
			}
			upgrade(revision, name, "after its downgrade, its upgrade failed again");
			SchemaSnapshot again = snapshot();
			List<String> drift = upgraded.differencesTo(again);
			if (!drift.isEmpty()) {
				throw new AssertionFailedError("Revision " + name + ": after downgrade and upgrade again, the schema "
						+ "differs from after its first upgrade:" + lines(drift));
			}
			before = again;
		}
	}

	/**
	 * {@link #assertMatchesTargetSchema(String)} with the target schema set by
	 * {@link #targetSchema(String)}.
	 */
	public void assertMatchesTargetSchema() {
		assertMatchesTargetSchema(this.targetSchema);
	}

	/**
	 * The database at heads matches the target schema (pytest-alembic's
	 * {@code test_model_definitions_match_ddl}): {@code migration check} finds nothing,
	 * so {@code revision --autogenerate} would write an empty revision. Upgrades to heads
	 * first when the database is not there.
	 * @param location {@code classpath:...}, {@code filesystem:...} or a file path;
	 * {@code {vendor}} is replaced
	 */
	public void assertMatchesTargetSchema(String location) {
		String resolved = location.replace("{vendor}", vendor());
		Path file = file(resolved);
		SchemaDiff diff;
		upgradeToHeads("Upgrade to heads before comparing with the target schema " + resolved);
		try {
			diff = (file != null) ? migrations().check(file, this.filter)
					: migrations().check(read(resolved), this.filter);
		}
		catch (MigrationException ex) {
			throw new AssertionFailedError(
					"Cannot compare the database at heads with the target schema " + resolved + ": " + ex.getMessage(),
					ex);
		}
		if (!diff.isEmpty()) {
			throw new AssertionFailedError(
					"The database at heads " + sorted(migrations().heads()) + " differs from the target schema "
							+ resolved + "; a revision still has to:" + lines(diff.differences())
							+ "\nThe upgrade that revision --autogenerate would write:\n" + diff.upgradeSql().strip());
		}
	}

	/** {@link #assertMatchesTargetSchema(String)} with a file. */
	public void assertMatchesTargetSchema(Path file) {
		assertMatchesTargetSchema(file.toString());
	}

	/**
	 * Upgrading from base to heads and downgrading back to base leaves nothing behind: no
	 * table, column, index, constraint, view, sequence, type, function or trigger that
	 * was not there at base before. The engine's version table (empty at base) and
	 * history table (the log of what ran, which keeps its rows) stay: they are the
	 * engine's, not the revisions'. Starts at base and leaves the database at base.
	 */
	public void assertDowngradeLeavesNothing() {
		Migrations engine = migrations();
		List<String> irreversible = new ArrayList<>();
		for (RevisionInfo revision : engine.revisions()) {
			if (!revision.reversible() && this.irreversibleAllowed.contains(revision.id())) {
				irreversible.add(revision.id());
			}
		}
		if (!irreversible.isEmpty()) {
			throw new TestAbortedException("Not run: no downgrade to base passes the revisions allowed to be "
					+ "irreversible: " + String.join(", ", irreversible) + ".");
		}
		SchemaSnapshot base = toBase("downgrade leaves nothing");
		upgradeToHeads("Upgrade from base to heads, before the downgrade back to base,");
		try {
			engine.downgrade("base");
		}
		catch (MigrationException ex) {
			throw new AssertionFailedError(
					"Downgrade from heads to base failed" + atRevision(ex) + ": " + ex.getMessage(), ex);
		}
		if (!engine.current().isEmpty()) {
			throw new AssertionFailedError("Downgrade from heads to base left the version table "
					+ this.configuration.versionTable() + " at " + engine.current() + " instead of empty.");
		}
		List<String> left = leftBehind(base, snapshot());
		if (!left.isEmpty()) {
			throw new AssertionFailedError("Downgrade from heads to base does not leave the database as it was at "
					+ "base (the engine's tables " + this.configuration.versionTable() + " and "
					+ this.configuration.historyTable() + " aside):" + lines(left));
		}
	}

	/**
	 * The lint finds no error in any revision (warnings are allowed), read as
	 * {@code migration lint --dialect} reads them without a database: every table a
	 * revision did not create itself counts as existing. The failure lists each finding
	 * as {@code <file>:<line>: <rule> <severity>: <message>}; suppress a deliberate one
	 * with {@code -- lint: ignore <rule>} on the line before the statement. Does not
	 * touch the database.
	 */
	public void assertLintClean() {
		MigrationConfiguration offline = this.configuration.toBuilder()
			.url(null)
			.dataSource(null)
			.user(null)
			.password(null)
			.dialect(dialect())
			.build();
		LintReport report = Migrations.create(offline).lint();
		if (report.hasErrors()) {
			List<String> findings = report.findings().stream().map(LintFinding::describe).toList();
			throw new AssertionFailedError("The lint reports " + report.count(LintFinding.Severity.ERROR)
					+ " errors in the revisions (see docs/lint.md for each rule and its safe way):" + lines(findings));
		}
	}

	/** The configured dialect, else the one the URL or the DataSource names. */
	private String dialect() {
		if (this.configuration.dialect() != null) {
			return this.configuration.dialect();
		}
		String url = this.configuration.url();
		if (url == null) {
			try (Connection connection = this.configuration.dataSource().getConnection()) {
				url = connection.getMetaData().getURL();
			}
			catch (SQLException ex) {
				throw new AssertionFailedError("Cannot read the database's URL to know its dialect: " + ex.getMessage(),
						ex);
			}
		}
		return url.startsWith("jdbc:sqlite:") ? "sqlite" : "postgresql";
	}

	/**
	 * Every check, in this order: single head, up-down consistency, target schema (when
	 * the target schema exists), upgrade to heads, downgrade leaves nothing. Fails with
	 * all their failures; after a failure that left the database where no revision
	 * expects it, the checks that use the database are not run.
	 */
	public void assertAll() {
		List<Throwable> failures = new ArrayList<>();
		for (Check check : checks()) {
			try {
				check.action().run();
			}
			catch (TestAbortedException ex) {
				// not run because an earlier failure left the database in a state that
				// would fail it too
			}
			catch (AssertionError | MigrationException ex) {
				failures.add(ex);
			}
		}
		if (failures.size() == 1) {
			Throwable failure = failures.get(0);
			throw (failure instanceof AssertionError error) ? error
					: new AssertionFailedError(failure.getMessage(), failure);
		}
		if (!failures.isEmpty()) {
			throw new MultipleFailuresError("Migration checks", failures);
		}
	}

	/**
	 * The checks of {@link #assertAll()} as one dynamic test each, so that a test report
	 * lists them by name, as pytest-alembic's do: <pre>{@code
	 * &#64;TestFactory
	 * Stream<DynamicTest> revisions() {
	 *     return MigrationChecks.forUrl(url).dynamicTests();
	 * }
	 * }</pre>
	 */
	public Stream<DynamicTest> dynamicTests() {
		return checks().stream().map((check) -> DynamicTest.dynamicTest(check.name(), check.action()::run));
	}

	private record Check(String name, Runnable action) {
	}

	/**
	 * The checks in order. Once a check that moves the database failed, the database sits
	 * where no revision expects it, and every later check would fail for that same
	 * reason: they are reported as not run (aborted) instead.
	 */
	private List<Check> checks() {
		String[] failed = new String[1];
		List<Check> checks = new ArrayList<>();
		checks.add(new Check("single head", this::assertSingleHead));
		// up-down consistency first: on a database nothing moved yet it names the
		// revision whose downgrade is wrong,
		// where a later check only sees that a return to base leaves something behind
		checks.add(afterClean("up-down consistency", this::assertUpDownConsistency, true, failed));
		if (targetSchemaExists()) {
			checks.add(afterClean("matches target schema", this::assertMatchesTargetSchema, false, failed));
		}
		checks.add(afterClean("upgrade to heads", this::assertUpgradeToHeads, true, failed));
		checks.add(afterClean("downgrade leaves nothing", this::assertDowngradeLeavesNothing, true, failed));
		return checks;
	}

	private static Check afterClean(String name, Runnable check, boolean movesTheDatabase, String[] failed) {
		return new Check(name, () -> {
			if (failed[0] != null) {
				throw new TestAbortedException("Not run: the " + failed[0] + " check failed and left the database "
						+ "where no revision expects it. Fix that first.");
			}
			try {
				check.run();
			}
			catch (AssertionError | RuntimeException ex) {
				if (movesTheDatabase) {
					failed[0] = name;
				}
				throw ex;
			}
		});
	}

	private boolean targetSchemaExists() {
		String resolved = this.targetSchema.replace("{vendor}", vendor());
		if (resolved.startsWith("classpath:")) {
			return classLoader().getResource(resource(resolved)) != null;
		}
		return Files.isRegularFile(Paths.get(withoutPrefix(resolved)));
	}

	/**
	 * Brings the database to base and returns its schema there. A database that this
	 * instance saw at base before must come back exactly as it was then: else the
	 * downgrade leaves something behind, and the check would start from a schema no
	 * revision expects and blame the wrong revision.
	 */
	private synchronized SchemaSnapshot toBase(String check) {
		Migrations engine = migrations();
		List<String> current = engine.current();
		if (current.isEmpty()) {
			if (this.pristine == null) {
				this.pristine = snapshot();
			}
			return this.pristine;
		}
		try {
			engine.downgrade("base");
		}
		catch (IrreversibleRevisionException ex) {
			if (!this.irreversibleAllowed.containsAll(ex.revisions())) {
				throw new AssertionFailedError("The " + check + " check starts at base, but the database is at "
						+ current + " and cannot go back: " + ex.getMessage(), ex);
			}
			throw new TestAbortedException("Not run: the " + check + " check starts at base, but the database is at "
					+ current + " and cannot go back through the revisions allowed to be irreversible. Give this "
					+ "check a database of its own.");
		}
		catch (MigrationException ex) {
			throw new AssertionFailedError("The " + check + " check starts at base, but the database is at " + current
					+ " and the downgrade to base failed" + atRevision(ex) + ": " + ex.getMessage()
					+ " Give the checks a database of their own, empty at the start.", ex);
		}
		SchemaSnapshot base = snapshot();
		if (this.pristine == null) {
			return base;
		}
		List<String> left = leftBehind(this.pristine, base);
		if (!left.isEmpty()) {
			throw new AssertionFailedError("The " + check + " check starts at base, but the downgrade from " + current
					+ " to base that brings it there does not leave the database as it was at base before:"
					+ lines(left));
		}
		return this.pristine;
	}

	/**
	 * What {@code after} has that {@code base} had not, and what differs or is missing,
	 * one line each.
	 */
	private List<String> leftBehind(SchemaSnapshot base, SchemaSnapshot after) {
		List<String> left = new ArrayList<>();
		for (SchemaSnapshot.Element element : base.addedIn(after)) {
			left.add("left behind: " + element.describe() + createdBy(element));
		}
		for (String line : base.differencesTo(after)) {
			if (!line.startsWith("extra ")) {
				left.add(line);
			}
		}
		return left;
	}

	private void upgradeToHeads(String what) {
		try {
			migrations().upgrade("heads");
		}
		catch (MigrationException ex) {
			throw new AssertionFailedError(what + " failed" + atRevision(ex) + ": " + ex.getMessage(), ex);
		}
	}

	private void upgrade(RevisionInfo revision, String name, String failure) {
		try {
			migrations().upgrade(revision.id());
		}
		catch (MigrationException ex) {
			throw new AssertionFailedError("Revision " + name + ": " + failure + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reverts this one revision and nothing else: a target within its own lineage
	 * ({@code <id>@<down revision>}, {@code <id>@base} for a root), so that sibling
	 * branches applied before it stay.
	 */
	private void revert(RevisionInfo revision, String name) {
		Migrations engine = migrations();
		String below = revision.downRevisions().isEmpty() ? "base" : revision.downRevisions().get(0);
		try {
			Plan plan = engine.plan(Direction.DOWNGRADE, List.of(revision.id() + "@" + below));
			List<String> reverted = plan.steps().stream().map(Step::revision).toList();
			if (!reverted.equals(List.of(revision.id()))) {
				throw new IllegalStateException("The kit cannot revert revision " + revision.id()
						+ " alone: a downgrade would revert " + reverted + ". Please report this graph.");
			}
			engine.execute(plan, null);
		}
		catch (MigrationException ex) {
			throw new AssertionFailedError(
					"Revision " + name + ": its downgrade failed right after its upgrade: " + ex.getMessage(), ex);
		}
	}

	private SchemaSnapshot snapshot() {
		return migrations().snapshot(this.filter);
	}

	/**
	 * Where the upgrade SQL names the element: the revision that most likely created it,
	 * to look at first.
	 */
	private String createdBy(SchemaSnapshot.Element element) {
		String name = element.kind().equals("column") || element.table() == null || element.kind().equals("index")
				|| element.kind().equals("trigger") ? element.name() : element.table();
		String bare = name.contains("(") ? name.substring(0, name.indexOf('(')) : name;
		Pattern word = Pattern.compile("(?i)(?<![A-Za-z0-9_])" + Pattern.quote(bare) + "(?![A-Za-z0-9_])");
		List<RevisionInfo> ascending = new ArrayList<>(migrations().revisions());
		Collections.reverse(ascending);
		for (RevisionInfo revision : ascending) {
			for (String statement : revision.upgradeSql()) {
				if (word.matcher(statement).find()) {
					return " (named in the upgrade of revision " + describe(revision) + ")";
				}
			}
		}
		return "";
	}

	private String describe(String id) {
		return describe(migrations().revision(id));
	}

	private static String describe(RevisionInfo revision) {
		return (revision.message() == null || revision.message().isEmpty()) ? revision.id()
				: revision.id() + " (" + revision.message() + ")";
	}

	private static String atRevision(MigrationException ex) {
		return (ex instanceof RevisionFailedException failed && failed.revision() != null)
				? " at revision " + failed.revision() : "";
	}

	private static String lines(List<String> lines) {
		StringBuilder text = new StringBuilder();
		for (String line : lines) {
			text.append("\n  ").append(line);
		}
		return text.toString();
	}

	private static List<String> sorted(List<String> ids) {
		return new ArrayList<>(new TreeSet<>(ids));
	}

	/**
	 * {@code sqlite} or {@code postgresql}, from the URL, else from the DataSource's
	 * connection.
	 */
	private String vendor() {
		String url = this.configuration.url();
		if (url == null && this.configuration.dataSource() != null) {
			try (Connection connection = this.configuration.dataSource().getConnection()) {
				url = connection.getMetaData().getURL();
			}
			catch (SQLException ex) {
				throw new AssertionFailedError("Cannot connect to find the database's kind: " + ex.getMessage(), ex);
			}
		}
		if (url != null && url.startsWith("jdbc:sqlite:")) {
			return "sqlite";
		}
		if (url != null && url.startsWith("jdbc:postgresql:")) {
			return "postgresql";
		}
		String kind = (url != null && url.startsWith("jdbc:")) ? url.substring(5, url.indexOf(':', 5)) : "unknown";
		return kind.toLowerCase(Locale.ROOT);
	}

	/**
	 * The file behind a location, when there is one: a file name in messages beats
	 * "(target schema)".
	 */
	private Path file(String location) {
		if (!location.startsWith("classpath:")) {
			return Paths.get(withoutPrefix(location));
		}
		URL url = classLoader().getResource(resource(location));
		if (url == null) {
			throw new AssertionFailedError("Target schema " + location + " is not on the classpath. Write the "
					+ "desired schema as SQL there, or name it: .targetSchema(\"classpath:...\")");
		}
		if (!url.getProtocol().equals("file")) {
			return null;
		}
		try {
			return Paths.get(url.toURI());
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private String read(String location) {
		try (InputStream input = classLoader().getResourceAsStream(resource(location))) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ClassLoader classLoader() {
		return (this.configuration.classLoader() != null) ? this.configuration.classLoader()
				: Thread.currentThread().getContextClassLoader();
	}

	private static String resource(String location) {
		String path = location.substring("classpath:".length());
		return path.startsWith("/") ? path.substring(1) : path;
	}

	private static String withoutPrefix(String location) {
		return location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location;
	}

}
