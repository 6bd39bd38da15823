package dev.migration;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import dev.migration.internal.dialect.ConnectionSource;
import dev.migration.internal.dialect.Dialect;
import dev.migration.internal.execute.Executor;
import dev.migration.internal.execute.Executor.Command;
import dev.migration.internal.execute.ScriptWriter;
import dev.migration.internal.execute.VersionStore;
import dev.migration.internal.graph.Ids;
import dev.migration.internal.graph.RevisionGraph;
import dev.migration.internal.graph.TargetResolver;
import dev.migration.internal.lint.DatabaseFacts;
import dev.migration.internal.lint.Linter;
import dev.migration.internal.operations.Operation;
import dev.migration.internal.operations.RecordingOperations;
import dev.migration.internal.operations.SqlRenderer;
import dev.migration.internal.plan.Planner;
import dev.migration.internal.revision.Revision;
import dev.migration.internal.revision.SqlBody;
import dev.migration.internal.revision.SqlStatement;
import dev.migration.internal.schema.DevDatabase;
import dev.migration.internal.schema.SchemaCompare;
import dev.migration.internal.schema.SnapshotReader;
import dev.migration.internal.source.IndexedRevision;
import dev.migration.internal.source.JavaRevisions;
import dev.migration.internal.source.RevisionLoader;
import dev.migration.internal.source.SqlRevisionWriter;
import dev.migration.internal.source.SqlSyntax;
import dev.migration.operations.TargetSchema;

/**
 * The one entry point: load the revisions once, then plan and run commands against the
 * database.
 *
 * <pre>{@code
 * Migrations migrations = Migrations.create(MigrationConfiguration.builder()
 *         .url("jdbc:sqlite:app.db")
 *         .locations("filesystem:db/revisions")
 *         .build());
 * migrations.upgrade("heads");
 * }</pre>
 *
 * Creating it reads and parses every revision once and validates the graph; with a JDBC
 * URL a second thread opens and closes a connection meanwhile, so that the driver is
 * ready when a command runs (for SQLite an in-memory one: no file is created). Instances
 * are immutable and safe to share between threads.
 */
public final class Migrations {

	private final RevisionGraph graph;

	private final Planner planner;

	/** Holds the configuration and the connections, which are asked of it. */
	private final Executor executor;

	private Migrations(MigrationConfiguration configuration, ConnectionSource connections, RevisionGraph graph) {
		this.graph = graph;
		this.planner = new Planner(graph);
		this.executor = new Executor(connections, graph, configuration);
	}

	/**
	 * Loads the revisions of the configuration and builds the graph.
	 * @throws RevisionParseException for a malformed revision file
	 * @throws InvalidGraphException for a graph that breaks a rule
	 * @throws LocationNotFoundException for a location that does not exist
	 */
	public static Migrations create(MigrationConfiguration configuration) {
		return create(configuration, null);
	}

	/**
	 * Builds the graph from SQL revisions already read (on another thread, while an
	 * application starts) and the configuration's Java revisions.
	 * @param configuration the configuration
	 * @param sqlRevisions the configuration's SQL revisions, or {@code null} to read them
	 * now
	 * @throws IllegalArgumentException when the revisions were read from other locations
	 * or another class loader
	 */
	public static Migrations create(MigrationConfiguration configuration, SqlRevisions sqlRevisions) {
		if (sqlRevisions != null && !sqlRevisions.readFor(configuration)) {
			throw new IllegalArgumentException("The SQL revisions were read from " + sqlRevisions.locations()
					+ ", not from the configured locations " + configuration.locations() + " and class loader");
		}
		ConnectionSource connections = ConnectionSource
			.of(configuration.dataSource(), configuration.url(), configuration.user(), configuration.password())
			.onConnect(configuration.initSqls(), configuration.connectRetries());
		connections.warmUpInBackground();
		SqlRevisions sql = (sqlRevisions != null) ? sqlRevisions
				: SqlRevisions.read(configuration.locations(), configuration.classLoader(), null);
		if (configuration.javaRevisions().isEmpty() && sql.graph() != null) {
			return new Migrations(configuration, connections, (RevisionGraph) sql.graph());
		}
		List<Revision> revisions = new ArrayList<>();
		for (Object revision : sql.revisions()) {
			revisions.add((Revision) revision);
		}
		for (JavaRevision javaRevision : configuration.javaRevisions()) {
			revisions.add(JavaRevisions.adapt(javaRevision));
		}
		return new Migrations(configuration, connections, RevisionGraph.of(revisions));
	}

	/**
	 * The same revisions against another database or schema: a fleet reads and checks
	 * them once.
	 * @param lockSessionOwner the fleet whose worker threads may lend their lock session
	 * (a schema of its database), or {@code null}
	 */
	Migrations retarget(MigrationConfiguration target, Object lockSessionOwner) {
		return new Migrations(target,
				ConnectionSource.of(target.dataSource(), target.url(), target.user(), target.password())
					.onConnect(target.initSqls(), target.connectRetries())
					.sharingLockSessions(lockSessionOwner),
				this.graph);
	}

	/**
	 * The graph of SQL revisions alone, built where they were read, or {@code null} when
	 * it breaks a rule.
	 */
	static Object sqlGraph(List<?> sqlRevisions) {
		List<Revision> revisions = new ArrayList<>(sqlRevisions.size());
		for (Object revision : sqlRevisions) {
			revisions.add((Revision) revision);
		}
		try {
			return RevisionGraph.of(revisions);
		}
		catch (InvalidGraphException ex) {
			return null;
		}
	}

	static List<?> loadSqlRevisions(List<String> locations, ClassLoader classLoader, ClasspathLister lister) {
		return RevisionLoader.load(locations, classLoader, lister);
	}

	/** A revision file's checksum and header for the {@link RevisionIndex}. */
	static String describeSqlRevision(String location, URL url) {
		return IndexedRevision.describe(location, url);
	}

	public MigrationConfiguration configuration() {
		return this.executor.settings();
	}

	private ConnectionSource connections() {
		return this.executor.connections();
	}

	/**
	 * The database for logs and messages, without password: its JDBC URL (for a
	 * DataSource, once a command has connected), else
	 * {@code "the configured DataSource"}.
	 */
	public String database() {
		return connections().describe();
	}

	/** Every revision, newest first (the order of {@code history}). */
	public List<RevisionInfo> revisions() {
		SqlSyntax syntax = listingSyntax();
		List<RevisionInfo> result = new ArrayList<>(this.graph.size());
		for (Revision revision : this.graph.revisions()) {
			result.add(info(revision, syntax));
		}
		Collections.reverse(result);
		return result;
	}

	/**
	 * Whether a target or an end of a range needs the database's current revisions to
	 * resolve: {@code current} and steps from it ({@code +N}, {@code -N},
	 * {@code <label>@+N}); every other form reads the revisions alone.
	 */
	public static boolean readsCurrent(String target) {
		return "current".equals(target) || TargetResolver.isRelativeToCurrent(target);
	}

	/**
	 * The revisions of a range, newest first: those at or above {@code lower} and at or
	 * below {@code upper}, as {@code history -r lower:upper} shows them. An end that is
	 * {@code null}, {@code base} (lower) or {@code heads} (upper) is open;
	 * {@code current} names the given rows; anything else is a target.
	 */
	public List<RevisionInfo> revisions(String lower, String upper, List<String> currentRows) {
		Set<String> inRange = new HashSet<>();
		for (Revision revision : this.graph.revisions()) {
			inRange.add(revision.id());
		}
		if (upper != null && !upper.equals("heads")) {
			inRange.retainAll(this.graph.ancestors(rangeEnd(upper, currentRows)));
		}
		if (lower != null && !lower.equals(Ids.BASE)) {
			Collection<String> from = rangeEnd(lower, currentRows);
			if (!from.isEmpty()) {
				// an empty lower end is base (current of an empty database): everything
				// is above it
				inRange.retainAll(this.graph.descendants(from));
			}
		}
		SqlSyntax syntax = listingSyntax();
		List<RevisionInfo> result = new ArrayList<>(inRange.size());
		for (Revision revision : this.graph.revisions()) {
			if (inRange.contains(revision.id())) {
				result.add(info(revision, syntax));
			}
		}
		Collections.reverse(result);
		return result;
	}

	private Collection<String> rangeEnd(String end, List<String> currentRows) {
		return end.equals("current") ? currentRows
				: new TargetResolver(this.graph, currentRows).resolve(end).revisions();
	}

	/**
	 * One revision by full id or unique prefix.
	 * @throws TargetException when nothing or several revisions match
	 */
	public RevisionInfo revision(String idOrPrefix) {
		List<String> matches = this.graph.contains(idOrPrefix) ? List.of(idOrPrefix)
				: this.graph.withPrefix(idOrPrefix);
		if (matches.size() > 1) {
			throw new AmbiguousRevisionException(idOrPrefix, matches);
		}
		if (matches.isEmpty()) {
			throw new TargetException(idOrPrefix, "No revision '" + idOrPrefix + "'. 'history' lists the revisions.",
					List.of());
		}
		return info(this.graph.get(matches.get(0)), listingSyntax());
	}

	/**
	 * Writes a new SQL revision file into the directory, after checking every value by
	 * the rules the parser applies and against these revisions (ids and labels unused,
	 * down revisions and dependencies existing), so that the file always reads back as
	 * asked and every later command still loads the folder. Nothing is written when a
	 * check fails.
	 * @param directory the revisions directory (the filesystem location these revisions
	 * came from)
	 * @param revision what to write
	 * @return the file written, {@code <id>_<slug>.sql}
	 * @throws InvalidRevisionArgumentException naming the bad value and the rule it
	 * breaks
	 */
	public Path writeRevision(Path directory, NewRevision revision) {
		return SqlRevisionWriter.write(directory, revision, this.graph, Instant.now());
	}

	/** Revisions nobody names as down revision or dependency. */
	public List<String> heads() {
		return this.graph.heads();
	}

	/** Revisions with more than one child. */
	public List<String> branchPoints() {
		List<String> result = new ArrayList<>();
		for (Revision revision : this.graph.revisions()) {
			if (this.graph.isBranchPoint(revision.id())) {
				result.add(revision.id());
			}
		}
		return result;
	}

	/**
	 * The revisions a target names, without planning anything: e.g. {@code heads},
	 * {@code abc@head}.
	 */
	public List<String> resolve(String target, List<String> currentRows) {
		return this.graph.sortAscending(new TargetResolver(this.graph, currentRows).resolve(target).revisions());
	}

	/**
	 * The rows of the version table: the current heads; empty at base or when the tables
	 * do not exist yet.
	 */
	public List<String> current() {
		return this.executor.currentRows();
	}

	/**
	 * The non-transactional revisions that were started and did not finish: while there
	 * is one, upgrade and downgrade refuse to run until a {@code stamp} says that the
	 * database was repaired. Empty almost always.
	 */
	public List<UnfinishedRevision> unfinished() {
		return this.executor.unfinished();
	}

	/**
	 * Where the database stands, with what is pending on the way to every head and the
	 * latest {@value MigrationStatus#DEFAULT_HISTORY_LIMIT} history rows:
	 * {@link #status(String, int)}.
	 */
	public MigrationStatus status() {
		return status("heads", MigrationStatus.DEFAULT_HISTORY_LIMIT);
	}

	/**
	 * Where the database stands, read in one query (one per table more only when a table
	 * is missing): the version rows, each revision's applied state and latest upgrade,
	 * what an upgrade to the target would apply, the unfinished non-transactional
	 * revisions and the latest history rows. Creates nothing.
	 * @param target what {@code pending} leads to, e.g. {@code heads}
	 * @param historyLimit the most history rows to read, newest first; 0 reads none
	 * @throws MigrationDatabaseException when the database cannot be read
	 */
	public MigrationStatus status(String target, int historyLimit) {
		VersionStore.Status read = this.executor.status(historyLimit);
		List<String> rows = read.rows();
		List<String> known = rows.stream().filter(this.graph::contains).toList();
		Set<String> applied = this.graph.ancestors(known);
		List<RevisionInfo> revisions = revisions();
		List<MigrationStatus.RevisionStatus> statuses = new ArrayList<>(revisions.size());
		for (RevisionInfo info : revisions) {
			boolean isApplied = applied.contains(info.id());
			statuses.add(new MigrationStatus.RevisionStatus(info, isApplied, rows.contains(info.id()),
					isApplied ? read.lastUpgrades().get(info.id()) : null));
		}
		List<String> pending = new ArrayList<>();
		MigrationException pendingFailure = null;
		try {
			for (Step step : this.planner.upgrade(rows, target).steps()) {
				if (step.revision() != null) {
					pending.add(step.revision());
				}
			}
		}
		catch (MigrationException ex) {
			pendingFailure = ex;
			for (int index = revisions.size() - 1; index >= 0; index--) {
				if (!applied.contains(revisions.get(index).id())) {
					pending.add(revisions.get(index).id());
				}
			}
		}
		return new MigrationStatus(rows, heads(), target, pending, statuses, read.history(), read.unfinished(),
				pendingFailure);
	}

	/**
	 * A downgrade that may only go down, and not far: what an operator's guarded
	 * downgrade plans. The target must name revisions strictly below the given rows, the
	 * plan may revert at most {@code maxSteps} revisions, and none of them may be
	 * irreversible. Plans from the given rows, without reading the database; run it with
	 * {@link #execute(Plan, String)}, which refuses it if the database moved meanwhile.
	 * @param target a revision id, a unique prefix, {@code -N} or {@code base}
	 * @param currentRows the version rows the caller saw
	 * @param maxSteps the most revisions the downgrade may revert
	 * @throws NotAnAncestorException when the target is a current revision, is not below
	 * them, or names none
	 * @throws IrreversibleRevisionException when a revision on the way has no downgrade
	 * @throws TooManyStepsException when more than {@code maxSteps} revisions would be
	 * reverted
	 * @throws TargetException when the downgrade cannot be planned for another reason
	 * (e.g. an unknown version row)
	 */
	public Plan planDowngrade(String target, List<String> currentRows, int maxSteps) {
		List<String> resolved;
		try {
			resolved = resolve(target, currentRows);
		}
		catch (TargetException ex) {
			throw new NotAnAncestorException(target, ex.getMessage(), ex.revisions(), currentRows);
		}
		Set<String> below = new HashSet<>();
		for (String row : currentRows) {
			if (this.graph.contains(row)) {
				Revision revision = this.graph.get(row);
				List<String> parents = new ArrayList<>(revision.downRevisions());
				parents.addAll(revision.dependsOn());
				below.addAll(this.graph.ancestors(parents));
			}
		}
		for (String id : resolved) {
			if (currentRows.contains(id)) {
				throw new NotAnAncestorException(target, "Target '" + target + "' is the current revision " + id
						+ ": there is nothing to downgrade. Nothing was run.", resolved, currentRows);
			}
			if (!below.contains(id)) {
				throw new NotAnAncestorException(target,
						"Target '" + target + "' (" + id + ") is not an ancestor of the current revision "
								+ rows(currentRows) + "; only a downgrade is allowed. Nothing was run.",
						resolved, currentRows);
			}
		}
		Plan plan = this.planner.downgrade(currentRows, target);
		if (plan.isEmpty()) {
			throw new NotAnAncestorException(target, "Target '" + target + "' is the current revision "
					+ rows(currentRows) + ": there is nothing to downgrade. Nothing was run.", resolved, currentRows);
		}
		if (plan.steps().size() > maxSteps) {
			throw new TooManyStepsException(target, plan.steps().stream().map(Step::revision).toList(), maxSteps);
		}
		return plan;
	}

	/**
	 * {@link #planDowngrade(String, List, int)} from the database's version rows, which
	 * must be those the caller saw: what a guarded downgrade plans before it shows or
	 * runs anything.
	 * @param expectedCurrent the version rows the caller saw, in any order
	 * @throws ConcurrentChangeException when the database is not at them; nothing was run
	 */
	public Plan planGuardedDowngrade(String target, List<String> expectedCurrent, int maxSteps) {
		List<String> currentRows = current();
		if (!new TreeSet<>(expectedCurrent).equals(new TreeSet<>(currentRows))) {
			throw new ConcurrentChangeException("The database is at " + rows(currentRows) + ", not at the expected "
					+ rows(expectedCurrent) + ". Nothing was run. Look again and retry with the current revision.");
		}
		return planDowngrade(target, currentRows, maxSteps);
	}

	/**
	 * Revision ids as messages and {@code history} show them: separated by commas, or
	 * {@code <base>} when there are none (no revision applied, or no parent).
	 * @param ids revision ids, such as a database's version rows
	 * @return the ids as one line
	 */
	public static String describeIds(Collection<String> ids) {
		return Ids.bracketed(ids);
	}

	private static String rows(List<String> rows) {
		return Ids.bracketed(rows);
	}

	/**
	 * Reads the SQL revisions for statements that lock a busy table for long, fail, or
	 * lose data (see {@code docs/lint.md} for the rules). Without a database (no URL or
	 * DataSource, a {@code dialect} configured) every revision is read, and every table
	 * that a statement earlier in the same section did not create counts as existing.
	 * With a database only the revisions an upgrade to heads would run are read, and a
	 * table that the database does not hold is new, also when an earlier revision of the
	 * same run creates it. Java revisions are read as their operations render for the
	 * database (line 0), except those whose code needs the database. Runs no revision and
	 * changes nothing.
	 * @throws MigrationException when there is neither a database nor a dialect to read
	 * the SQL as
	 * @throws RevisionParseException when a revision's SQL leaves a comment, quote or
	 * body open
	 */
	public LintReport lint() {
		if (configuration().url() == null && configuration().dataSource() == null) {
			if (configuration().dialect() == null) {
				throw new MigrationException("Lint needs to know how the database reads the SQL: configure a dialect "
						+ "(postgresql or sqlite) or a database. Nothing was read.");
			}
			return lint(Dialect.named(configuration().dialect()), this.graph.revisions(), null);
		}
		List<Revision> pending = new ArrayList<>();
		for (Step step : this.planner.upgrade(current(), "heads").steps()) {
			if (step.revision() != null) {
				pending.add(this.graph.get(step.revision()));
			}
		}
		try (Connection connection = connections().open()) {
			Dialect dialect = Dialect.of(connection);
			return lint(dialect, pending, DatabaseFacts.read(connection, dialect.syntax()));
		}
		catch (SQLException ex) {
			throw new MigrationDatabaseException("Cannot read the tables of the database for the lint: "
					+ ex.getMessage() + ". Nothing was changed.", ex);
		}
	}

	private static LintReport lint(Dialect dialect, List<Revision> revisions, DatabaseFacts database) {
		List<String> ids = new ArrayList<>(revisions.size());
		for (Revision revision : revisions) {
			ids.add(revision.id());
		}
		return new LintReport(Linter.lint(revisions, dialect, database), ids, dialect.name(), database != null);
	}

	/** The latest rows of the history table, newest first. */
	public List<HistoryEntry> history(int limit) {
		return this.executor.history(limit);
	}

	/** Applied revisions whose source changed since they ran; empty when all match. */
	public List<ChecksumMismatch> validate() {
		return this.executor.mismatches(this.executor.state());
	}

	/**
	 * What {@code upgrade}, {@code downgrade} or {@code stamp} would do from the
	 * database's current rows.
	 */
	public Plan plan(Direction direction, List<String> targets) {
		return plan(direction, targets, current(), false);
	}

	/**
	 * What a command would do from the given rows, without a database (offline
	 * {@code --sql}).
	 */
	public Plan plan(Direction direction, List<String> targets, List<String> fromRows, boolean purge) {
		return planner(direction, targets, purge).apply(fromRows);
	}

	/**
	 * What a command would do between two targets, without a database (an offline
	 * {@code --sql} range {@code START:END}): from the revisions {@code start} names
	 * ({@code base} or empty: nothing applied) to {@code end} (empty: as far as the
	 * direction goes, {@code heads} up and {@code base} down).
	 */
	public Plan plan(Direction direction, String start, String end) {
		List<String> fromRows = (start.isEmpty() || start.equals("base")) ? List.of() : resolve(start, List.of());
		String to = !end.isEmpty() ? end : (direction == Direction.UPGRADE) ? "heads" : "base";
		return plan(direction, List.of(to), fromRows, false);
	}

	/**
	 * Applies revisions up to the target ({@code heads}, {@code head}, an id, {@code +1},
	 * ...).
	 */
	public MigrationResult upgrade(String target) {
		return this.executor.run(planner(Direction.UPGRADE, List.of(target), false), Command.of(Direction.UPGRADE),
				null);
	}

	/**
	 * The one line that says how an upgrade ended, also when nothing ran:
	 * {@code Upgrade to '<target>' finished: <database> is at revision <id>, <n> steps ran
	 * in <ms> ms}, for a schema of a fleet starting {@code [<schema>] } and naming it.
	 * @param target the upgrade's target as given
	 * @param result what it did
	 * @param duration how long it took
	 * @return the line
	 */
	public String upgradeSummary(String target, MigrationResult result, Duration duration) {
		List<String> rows = result.currentRows();
		int steps = result.steps().size();
		String schema = configuration().schema();
		return ((schema != null) ? "[" + schema + "] " : "") + "Upgrade to '" + target + "' finished: " + database()
				+ ((schema != null) ? " schema " + schema : "") + " is at "
				+ (rows.isEmpty() ? "" : (rows.size() == 1) ? "revision " : "revisions ") + rows(rows) + ", " + steps
				+ ((steps == 1) ? " step" : " steps") + " ran in " + duration.toMillis() + " ms";
	}

	/** Reverts revisions down to the target ({@code -1}, an id, {@code base}, ...). */
	public MigrationResult downgrade(String target) {
		return this.executor.run(planner(Direction.DOWNGRADE, List.of(target), false), Command.of(Direction.DOWNGRADE),
				null);
	}

	/**
	 * Sets the version rows to the targets without running any revision; {@code purge}
	 * clears the table first.
	 */
	public MigrationResult stamp(List<String> targets, boolean purge) {
		return this.executor.run(planner(Direction.STAMP, targets, purge), new Command(Direction.STAMP, purge, null),
				null);
	}

	/**
	 * Executes a plan made earlier, but only if the database is still at the plan's
	 * starting rows (compare and set): what a guarded downgrade needs.
	 * @param appliedBy who runs it, recorded in the history table; {@code null} for the
	 * database user
	 * @throws ConcurrentChangeException when the database moved since the plan was made;
	 * nothing was run
	 */
	public MigrationResult execute(Plan plan, String appliedBy) {
		return this.executor.run((rows) -> plan, new Command(plan.direction(), false, plan.fromRows()), appliedBy);
	}

	/**
	 * The plan as a SQL script for {@code psql} or {@code sqlite3}: the two tables if
	 * they do not exist, then each step between {@code BEGIN;} and {@code COMMIT;} with
	 * its version and history rows. Needs no connection when the configuration names its
	 * dialect.
	 * @param appliedBy written to the history rows, e.g. the operator's name
	 */
	public String script(Plan plan, String appliedBy) {
		return scriptWriter().write(plan, appliedBy, false);
	}

	/**
	 * {@link #script(Plan, String)} for running: refuses a plan with a step whose SQL
	 * cannot be printed without a database (a Java revision whose code needs its
	 * connection, or, on SQLite, an operation that moves and copies a table), where
	 * {@code script} writes a comment in its place. A script holding such a comment would
	 * record the revision as applied without running it. What the command line's
	 * {@code --sql} prints.
	 * @throws MigrationException naming the revision, when a step cannot be printed
	 */
	public String runnableScript(Plan plan, String appliedBy) {
		return scriptWriter().write(plan, appliedBy, true);
	}

	private ScriptWriter scriptWriter() {
		MigrationConfiguration settings = configuration();
		return new ScriptWriter(this.graph,
				new VersionStore(dialect(), settings.schema(), settings.versionTable(), settings.historyTable()));
	}

	/**
	 * Compares the database, which must be at heads, with a target schema file (the
	 * desired state as SQL), with {@link SchemaFilter#defaults()}.
	 * @throws MigrationException when the database is not at heads, or the file cannot be
	 * read or applied
	 */
	public SchemaDiff check(Path targetSchemaFile) {
		return check(targetSchemaFile, SchemaFilter.defaults());
	}

	/** {@link #check(Path)} with a table filter. */
	public SchemaDiff check(Path targetSchemaFile, SchemaFilter filter) {
		return compareWithTarget(read(targetSchemaFile), targetSchemaFile.toString(), filter, "checked");
	}

	/** {@link #check(Path)} with the target schema's SQL text. */
	public SchemaDiff check(String targetSchemaSql) {
		return check(targetSchemaSql, SchemaFilter.defaults());
	}

	/** {@link #check(Path)} with the target schema's SQL text and a table filter. */
	public SchemaDiff check(String targetSchemaSql, SchemaFilter filter) {
		return compareWithTarget(targetSchemaSql, "(target schema)", filter, "checked");
	}

	/**
	 * What a new revision needs to bring the database, which must be at heads, to the
	 * target schema: the differences and the upgrade and downgrade SQL of the revision
	 * ({@code revision --autogenerate}).
	 * @throws MigrationException when the database is not at heads, or the file cannot be
	 * read or applied
	 */
	public SchemaDiff autogenerate(Path targetSchemaFile, SchemaFilter filter) {
		return compareWithTarget(read(targetSchemaFile), targetSchemaFile.toString(), filter, "generated");
	}

	/** {@link #autogenerate(Path, SchemaFilter)} with the target schema's SQL text. */
	public SchemaDiff autogenerate(String targetSchemaSql, SchemaFilter filter) {
		return compareWithTarget(targetSchemaSql, "(target schema)", filter, "generated");
	}

	/**
	 * {@link #check(Path)} with the target schema as a Java model, rendered for the
	 * connected database.
	 */
	public SchemaDiff check(TargetSchema model, SchemaFilter filter) {
		return compareWithTarget(render(model), "(Java model)", filter, "checked");
	}

	/**
	 * {@link #autogenerate(Path, SchemaFilter)} with the target schema as a Java model.
	 */
	public SchemaDiff autogenerate(TargetSchema model, SchemaFilter filter) {
		return compareWithTarget(render(model), "(Java model)", filter, "generated");
	}

	/**
	 * The model's operations as SQL for this database, so that it goes the same way as a
	 * target schema file.
	 */
	private String render(TargetSchema model) {
		RecordingOperations recorder = new RecordingOperations();
		model.define(recorder);
		SqlRenderer renderer = this.executor.dialect().renderer();
		StringBuilder sql = new StringBuilder();
		for (Operation operation : recorder.operations()) {
			for (String statement : renderer.render(operation)) {
				sql.append(statement).append(";\n");
			}
		}
		return sql.toString();
	}

	private SchemaDiff compareWithTarget(String targetSql, String targetName, SchemaFilter filter, String verb) {
		try (Connection connection = connections().open()) {
			Dialect dialect = Dialect.of(connection);
			SchemaCompare.Connections scratch = connections()::open;
			if (configuration().devUrl() != null) {
				DevDatabase dev = devDatabase();
				dev.requireUsableFor(dialect, connections().describe());
				scratch = dev;
			}
			List<String> current = new ArrayList<>(new java.util.TreeSet<>(current()));
			List<String> heads = new ArrayList<>(new java.util.TreeSet<>(heads()));
			if (!new HashSet<>(current).equals(new HashSet<>(heads))) {
				throw new MigrationException("The database is not at heads: current " + Ids.bracketed(current)
						+ ", heads " + Ids.bracketed(heads) + ". Nothing was " + verb
						+ ". Run 'upgrade heads' first, so that the comparison shows only what the revisions lack.");
			}
			SchemaCompare.Result result = SchemaCompare.compare(connection, dialect, scratch, targetSql, targetName,
					SchemaCompare.filter(filter.includeTables(), filter.excludeTables(),
							List.of(configuration().versionTable(), configuration().historyTable())));
			return new SchemaDiff(result.differences(), result.upgrade(), result.downgrade(), result.warnings());
		}
		catch (SQLException ex) {
			throw new MigrationDatabaseException(
					"Cannot compare the database with the target schema: " + ex.getMessage() + ". Nothing was changed.",
					ex);
		}
	}

	/**
	 * The database's schema as it is now, with {@link SchemaFilter#defaults()}: what a
	 * test compares before and after a downgrade. Reads the connection's current schema
	 * (PostgreSQL) or {@code main} (SQLite) with the reflection of {@link #check(Path)};
	 * the version and history tables are left out. Changes nothing.
	 * @throws MigrationDatabaseException when the database cannot be read
	 */
	public SchemaSnapshot snapshot() {
		return snapshot(SchemaFilter.defaults());
	}

	/**
	 * {@link #snapshot()} of the tables the filter keeps (objects of their own too, by
	 * name).
	 */
	public SchemaSnapshot snapshot(SchemaFilter filter) {
		try (Connection connection = connections().open()) {
			return SnapshotReader.read(connection, Dialect.of(connection), SchemaCompare.filter(filter.includeTables(),
					filter.excludeTables(), List.of(configuration().versionTable(), configuration().historyTable())));
		}
		catch (SQLException ex) {
			throw new MigrationDatabaseException(
					"Cannot read the database's schema: " + ex.getMessage() + ". Nothing was changed.", ex);
		}
	}

	/**
	 * The dev database's own credentials, else the database's, as a dev database is often
	 * on the same server.
	 */
	private DevDatabase devDatabase() {
		MigrationConfiguration settings = configuration();
		String user = (settings.devUser() != null) ? settings.devUser() : settings.user();
		String password = (settings.devPassword() != null) ? settings.devPassword()
				: (settings.devUser() != null) ? null : settings.password();
		return DevDatabase.of(settings.devUrl(), user, password);
	}

	private static String read(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new MigrationException("Target schema file '" + file + "' does not exist. Nothing was compared. "
					+ "Write the desired schema as SQL there, or name the file (--target-schema FILE).");
		}
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MigrationException("Cannot read target schema file '" + file + "': " + ex.getMessage() + ".", ex);
		}
	}

	private Function<List<String>, Plan> planner(Direction direction, List<String> targets, boolean purge) {
		switch (direction) {
			case UPGRADE:
				return rows -> this.planner.upgrade(rows, single(targets));
			case DOWNGRADE:
				return rows -> this.planner.downgrade(rows, single(targets));
			default:
				return rows -> this.planner.stamp(rows, targets, purge);
		}
	}

	private static String single(List<String> targets) {
		if (targets.size() != 1) {
			throw new TargetException(String.join(" ", targets),
					"Upgrade and downgrade take exactly one target, got " + targets.size() + ".", List.of());
		}
		return targets.get(0);
	}

	private RevisionInfo info(Revision revision, SqlSyntax syntax) {
		String id = revision.id();
		return new RevisionInfo(id, revision.downRevisions(), revision.dependsOn(), revision.branchLabels(),
				revision.message(), revision.created(), revision.transactional(), revision.reversible(),
				revision.checksum(), revision.location(), this.graph.isHead(id), this.graph.isBranchPoint(id),
				this.graph.isMergePoint(id), sql(revision.upgrade(), syntax),
				revision.reversible() ? sql(revision.downgrade(), syntax) : List.of(), this.graph.children(id));
	}

	/**
	 * A SQL revision's statements as the database reads them; none without a syntax or
	 * for a Java revision.
	 */
	private static List<String> sql(Object body, SqlSyntax syntax) {
		if (syntax == null || !(body instanceof SqlBody sqlBody)) {
			return List.of();
		}
		List<SqlStatement> split = sqlBody.statements(syntax);
		List<String> statements = new ArrayList<>(split.size());
		for (SqlStatement statement : split) {
			statements.add(statement.sql());
		}
		return statements;
	}

	/**
	 * How to split the listed revisions' statements, known before anything is read from
	 * the database: the configured dialect, else a SQLite or PostgreSQL JDBC URL; a
	 * DataSource is asked once (the listing of a Spring application, which is connected
	 * anyway). {@code null} when no database is configured or its URL names another one:
	 * the commands that work from the folder alone (heads, branches, show) never connect
	 * for a listing.
	 */
	private SqlSyntax listingSyntax() {
		if (configuration().dialect() != null || configuration().dataSource() != null) {
			return dialect().syntax();
		}
		String url = configuration().url();
		if (url == null) {
			return null;
		}
		if (url.startsWith("jdbc:sqlite:")) {
			return SqlSyntax.SQLITE;
		}
		return url.startsWith("jdbc:postgresql:") ? SqlSyntax.POSTGRESQL : null;
	}

	/**
	 * The configured dialect, else the connected database's: what needs no connection
	 * when the first is set.
	 */
	private Dialect dialect() {
		return (configuration().dialect() != null) ? Dialect.named(configuration().dialect()) : this.executor.dialect();
	}

}
