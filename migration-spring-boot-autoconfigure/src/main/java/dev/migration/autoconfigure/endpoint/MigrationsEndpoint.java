package dev.migration.autoconfigure.endpoint;

import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.migration.AmbiguousRevisionException;
import dev.migration.ConcurrentChangeException;
import dev.migration.Direction;
import dev.migration.HistoryEntry;
import dev.migration.IrreversibleRevisionException;
import dev.migration.LockTimeoutException;
import dev.migration.MigrationException;
import dev.migration.Migrations;
import dev.migration.Redactor;
import dev.migration.Plan;
import dev.migration.RevisionInfo;
import dev.migration.Step;
import dev.migration.TargetException;
import dev.migration.UnfinishedRevision;
import dev.migration.UnfinishedRevisionException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code migrations} actuator endpoint: reads the revision graph, the version rows and the history, and offers
 * a guarded downgrade. Write access is off unless {@code management.endpoint.migrations.access=unrestricted}, and
 * even then every downgrade is refused unless {@code migrations.endpoint.downgrade-enabled=true}.
 */
@Endpoint(id = "migrations", defaultAccess = Access.READ_ONLY)
public class MigrationsEndpoint {

	static final int HISTORY_LIMIT = 100;

	static final int STATUS_FORBIDDEN = 403;

	static final int STATUS_CONFLICT = 409;

	static final int STATUS_UNPROCESSABLE = 422;

	private static final Log logger = LogFactory.getLog(MigrationsEndpoint.class);

	private final Migrations migrations;

	private final boolean downgradeEnabled;

	private final int maxDowngradeSteps;

	private final ReentrantLock executing = new ReentrantLock();

	/** Error messages may quote the database or a driver: never let a password through. */
	private final Redactor redactor;

	public MigrationsEndpoint(Migrations migrations, boolean downgradeEnabled, int maxDowngradeSteps) {
		this(migrations, downgradeEnabled, maxDowngradeSteps, migrations.configuration().redactor());
	}

	/**
	 * Create the endpoint.
	 * @param migrations the engine
	 * @param downgradeEnabled whether a downgrade may run at all
	 * @param maxDowngradeSteps most revisions one downgrade may revert
	 * @param redactor masks the application's passwords in every message the endpoint answers or logs
	 */
	public MigrationsEndpoint(Migrations migrations, boolean downgradeEnabled, int maxDowngradeSteps,
			Redactor redactor) {
		this.migrations = migrations;
		this.downgradeEnabled = downgradeEnabled;
		this.maxDowngradeSteps = maxDowngradeSteps;
		this.redactor = redactor;
	}

	@ReadOperation
	public MigrationsDescriptor migrations() {
		return describe();
	}

	@ReadOperation
	public WebEndpointResponse<OperationResponseBody> revision(@Selector String revision) {
		RevisionInfo info;
		try {
			info = this.migrations.revision(revision);
		}
		catch (AmbiguousRevisionException ex) {
			return refuse(WebEndpointResponse.STATUS_BAD_REQUEST, "ambiguous_revision", ex.getMessage());
		}
		catch (TargetException ex) {
			return refuse(WebEndpointResponse.STATUS_NOT_FOUND, "unknown_revision", ex.getMessage());
		}
		List<String> current = this.migrations.current();
		Set<String> applied = applied(current, byId(this.migrations.revisions()));
		Map<String, HistoryEntry> lastUpgrades = lastUpgrades(this.migrations.history(Integer.MAX_VALUE));
		HistoryEntry lastUpgrade = applied.contains(info.id()) ? lastUpgrades.get(info.id()) : null;
		return new WebEndpointResponse<>(new RevisionDetailDescriptor(info.id(), info.downRevisions(),
				info.dependsOn(), info.branchLabels(), info.message(), info.created(), applied.contains(info.id()),
				info.head(), current.contains(info.id()), info.reversible(), info.transactional(), info.checksum(),
				(lastUpgrade != null) ? timestamp(lastUpgrade.appliedAt()) : null,
				(lastUpgrade != null) ? lastUpgrade.durationMs() : null, info.children(), info.upgradeSql(),
				info.downgradeSql()));
	}

	/**
	 * The guarded downgrade. Parameters are taken as plain JSON values and checked here, so that a wrong type is a
	 * 400 with the same error body as every other refusal.
	 */
	@WriteOperation
	public WebEndpointResponse<OperationResponseBody> downgrade(@Nullable Object target,
			@Nullable Object expectedCurrent, @Nullable Object dryRun, SecurityContext securityContext) {
		if (!this.downgradeEnabled) {
			return refuse(STATUS_FORBIDDEN, "downgrade_disabled", "Downgrades through the migrations endpoint are "
					+ "disabled. Nothing was run. Set migrations.endpoint.downgrade-enabled=true to allow them.");
		}
		if (!(target instanceof String targetText) || targetText.isBlank()) {
			return refuse(WebEndpointResponse.STATUS_BAD_REQUEST, "invalid_request",
					"'target' is required: a revision id, a unique prefix, '-N' or 'base'. Nothing was run.");
		}
		Boolean isDryRun = dryRun(dryRun);
		if (isDryRun == null) {
			return refuse(WebEndpointResponse.STATUS_BAD_REQUEST, "invalid_request",
					"'dryRun' must be true or false. Nothing was run.");
		}
		List<String> expected = expectedRows(expectedCurrent);
		if (expected == null) {
			return refuse(WebEndpointResponse.STATUS_BAD_REQUEST, "invalid_request", "'expectedCurrent' must be a "
					+ "string of revision ids separated by commas, or a list of ids. Nothing was run.");
		}
		if (isDryRun) {
			return downgrade(targetText.trim(), expected, true, principal(securityContext));
		}
		// one executed downgrade at a time in this instance; the core's compare and set covers other processes
		if (!this.executing.tryLock()) {
			return refuse(STATUS_CONFLICT, "downgrade_in_progress", "Another downgrade is running in this "
					+ "application. Nothing was run. Look again (GET) when it has finished.");
		}
		try {
			return downgrade(targetText.trim(), expected, false, principal(securityContext));
		}
		finally {
			this.executing.unlock();
		}
	}

	private WebEndpointResponse<OperationResponseBody> downgrade(String target, List<String> expected, boolean dryRun,
			@Nullable String principal) {
		List<String> current = this.migrations.current();
		if (expected.isEmpty()) {
			return refuse(STATUS_CONFLICT, "expected_current_required", "'expectedCurrent' is required: the "
					+ "revision(s) you saw as current, separated by commas. The database is at " + rows(current)
					+ ". Nothing was run.");
		}
		if (!sameRows(expected, current)) {
			return refuse(STATUS_CONFLICT, "current_mismatch", "The database is at " + rows(current)
					+ ", not at the expected " + rows(expected) + ". Nothing was run. Look again (GET) and retry with "
					+ "the current revision as expectedCurrent.");
		}
		Map<String, RevisionInfo> revisions = byId(this.migrations.revisions());
		String notAnAncestor = checkAncestor(target, current, revisions);
		if (notAnAncestor != null) {
			return refuse(STATUS_UNPROCESSABLE, "not_an_ancestor", notAnAncestor);
		}
		Plan plan;
		try {
			plan = this.migrations.plan(Direction.DOWNGRADE, List.of(target));
		}
		catch (IrreversibleRevisionException ex) {
			return refuse(STATUS_UNPROCESSABLE, "irreversible_revision", ex.getMessage());
		}
		catch (TargetException ex) {
			return refuse(STATUS_UNPROCESSABLE, "invalid_target", ex.getMessage());
		}
		if (!sameRows(plan.fromRows(), current)) {
			return refuse(STATUS_CONFLICT, "current_mismatch", "The database moved to " + rows(plan.fromRows())
					+ " while the downgrade was planned. Nothing was run. Look again (GET) and retry.");
		}
		if (plan.isEmpty()) {
			return refuse(STATUS_UNPROCESSABLE, "not_an_ancestor", "Target '" + target + "' is the current revision "
					+ rows(current) + ": there is nothing to downgrade. Nothing was run.");
		}
		if (plan.steps().size() > this.maxDowngradeSteps) {
			return refuse(STATUS_UNPROCESSABLE, "too_many_steps", "Downgrading to '" + target + "' would revert "
					+ plan.steps().size() + " revisions (" + String.join(", ", stepRevisions(plan))
					+ "), more than migrations.endpoint.max-downgrade-steps=" + this.maxDowngradeSteps
					+ ". Nothing was run. Downgrade in smaller steps, or raise the limit.");
		}
		if (dryRun) {
			return new WebEndpointResponse<>(dryRunDescriptor(target, plan, revisions, principal));
		}
		return execute(target, plan, principal);
	}

	private WebEndpointResponse<OperationResponseBody> execute(String target, Plan plan, @Nullable String principal) {
		String who = (principal != null) ? principal : "the database user (no authenticated principal)";
		logger.warn("Downgrade to '" + target + "' requested by " + who + " through the migrations endpoint: "
				+ "reverting " + String.join(", ", stepRevisions(plan)) + " (" + rows(plan.fromRows()) + " -> "
				+ rows(plan.toRows()) + ")");
		try {
			this.migrations.execute(plan, principal);
		}
		catch (ConcurrentChangeException ex) {
			logger.warn(sanitize("Downgrade by " + who + " refused: " + ex.getMessage()));
			return refuse(STATUS_CONFLICT, "current_mismatch", ex.getMessage());
		}
		catch (LockTimeoutException ex) {
			logger.warn(sanitize("Downgrade by " + who + " refused: " + ex.getMessage()));
			return refuse(WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE, "lock_timeout", ex.getMessage());
		}
		catch (UnfinishedRevisionException ex) {
			logger.warn("Downgrade by " + who + " refused: " + ex.getMessage());
			return refuse(STATUS_CONFLICT, "unfinished_revision", sanitize(ex.getMessage()));
		}
		catch (MigrationException ex) {
			logger.error(sanitize("Downgrade by " + who + " failed"), this.redactor.redact((Throwable) ex));
			return refuse(WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR, "downgrade_failed", ex.getMessage());
		}
		MigrationsDescriptor state = describe();
		logger.warn("Downgrade by " + who + " finished: the database is at " + rows(state.current()));
		return new WebEndpointResponse<>(state);
	}

	private MigrationsDescriptor describe() {
		List<RevisionInfo> revisions = this.migrations.revisions();
		Map<String, RevisionInfo> byId = byId(revisions);
		List<String> current = this.migrations.current();
		List<String> heads = this.migrations.heads();
		Set<String> applied = applied(current, byId);
		List<HistoryEntry> history = this.migrations.history(Integer.MAX_VALUE);
		Map<String, HistoryEntry> lastUpgrades = lastUpgrades(history);
		List<String> pending = pending(revisions, applied);
		List<RevisionDescriptor> revisionDescriptors = revisions.stream().map((info) -> {
			boolean isApplied = applied.contains(info.id());
			HistoryEntry lastUpgrade = isApplied ? lastUpgrades.get(info.id()) : null;
			return new RevisionDescriptor(info.id(), info.downRevisions(), info.message(), info.branchLabels(),
					isApplied, info.head(), current.contains(info.id()), info.reversible(), info.checksum(),
					(lastUpgrade != null) ? timestamp(lastUpgrade.appliedAt()) : null,
					(lastUpgrade != null) ? lastUpgrade.durationMs() : null);
		}).toList();
		List<HistoryDescriptor> historyDescriptors = history.stream()
			.limit(HISTORY_LIMIT)
			.map((entry) -> new HistoryDescriptor(entry.revision(), entry.direction().word(),
					timestamp(entry.appliedAt()), entry.appliedBy(), entry.durationMs(), entry.success()))
			.toList();
		List<String> unfinished = this.migrations.unfinished().stream().map(UnfinishedRevision::describe).toList();
		return new MigrationsDescriptor(current, heads, pending.isEmpty(), pending, revisionDescriptors,
				historyDescriptors, unfinished);
	}

	/** What an upgrade to every head would apply, in order; what is not applied when the plan cannot be made. */
	private List<String> pending(List<RevisionInfo> revisions, Set<String> applied) {
		try {
			return stepRevisions(this.migrations.plan(Direction.UPGRADE, List.of("heads")));
		}
		catch (MigrationException ex) {
			List<String> notApplied = new ArrayList<>();
			for (int index = revisions.size() - 1; index >= 0; index--) {
				if (!applied.contains(revisions.get(index).id())) {
					notApplied.add(revisions.get(index).id());
				}
			}
			return notApplied;
		}
	}

	private DowngradePlanDescriptor dryRunDescriptor(String target, Plan plan, Map<String, RevisionInfo> revisions,
			@Nullable String principal) {
		List<StepDescriptor> steps = plan.steps().stream().map((step) -> {
			RevisionInfo info = revisions.get(step.revision());
			List<String> sql = (info != null) ? info.downgradeSql() : List.of();
			return new StepDescriptor(step.revision(), step.message(), step.from(), step.to(), sql);
		}).toList();
		return new DowngradePlanDescriptor(true, target, plan.fromRows(), plan.toRows(), steps,
				this.migrations.script(plan, principal));
	}

	/** A message when the target is not below the current revisions, or {@code null} when it is. */
	private @Nullable String checkAncestor(String target, List<String> current, Map<String, RevisionInfo> revisions) {
		List<String> resolved;
		try {
			resolved = this.migrations.resolve(target, current);
		}
		catch (TargetException ex) {
			return ex.getMessage();
		}
		Set<String> below = new LinkedHashSet<>();
		for (String row : current) {
			RevisionInfo info = revisions.get(row);
			if (info != null) {
				below.addAll(applied(parents(info), revisions));
			}
		}
		for (String id : resolved) {
			if (current.contains(id)) {
				return "Target '" + target + "' is the current revision " + id
						+ ": there is nothing to downgrade. Nothing was run.";
			}
			if (!below.contains(id)) {
				return "Target '" + target + "' (" + id + ") is not an ancestor of the current revision "
						+ rows(current) + "; the endpoint only downgrades. Nothing was run.";
			}
		}
		return null;
	}

	/** Every refusal's message goes through the redactor: it may quote the database or a driver. */
	private WebEndpointResponse<OperationResponseBody> refuse(int status, String error, @Nullable String message) {
		return new WebEndpointResponse<>(new ErrorDescriptor(error, sanitize(message)), status);
	}

	/** Over HTTP every body value arrives as text, so {@code true}/{@code false} may be either. */
	private static @Nullable Boolean dryRun(@Nullable Object dryRun) {
		if (dryRun == null) {
			return true;
		}
		if (dryRun instanceof Boolean value) {
			return value;
		}
		if (dryRun instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
			return Boolean.valueOf(text);
		}
		return null;
	}

	private static @Nullable List<String> expectedRows(@Nullable Object expectedCurrent) {
		if (expectedCurrent == null) {
			return List.of();
		}
		if (expectedCurrent instanceof String text) {
			return Arrays.stream(text.split(",")).map(String::trim).filter((id) -> !id.isEmpty()).toList();
		}
		if (expectedCurrent instanceof Collection<?> ids && ids.stream().allMatch(String.class::isInstance)) {
			return ids.stream().map((id) -> ((String) id).trim()).filter((id) -> !id.isEmpty()).toList();
		}
		return null;
	}

	private static boolean sameRows(Collection<String> left, Collection<String> right) {
		return new TreeSet<>(left).equals(new TreeSet<>(right));
	}

	private static String rows(List<String> rows) {
		return rows.isEmpty() ? "<base>" : String.join(", ", rows);
	}

	private static List<String> stepRevisions(Plan plan) {
		return plan.steps().stream().map(Step::revision).filter((revision) -> revision != null).toList();
	}

	private static @Nullable String principal(@Nullable SecurityContext securityContext) {
		Principal principal = (securityContext != null) ? securityContext.getPrincipal() : null;
		return (principal != null) ? principal.getName() : null;
	}

	private static Map<String, RevisionInfo> byId(List<RevisionInfo> revisions) {
		Map<String, RevisionInfo> byId = new HashMap<>();
		revisions.forEach((info) -> byId.put(info.id(), info));
		return byId;
	}

	private static List<String> parents(RevisionInfo info) {
		List<String> parents = new ArrayList<>(info.downRevisions());
		parents.addAll(info.dependsOn());
		return parents;
	}

	/** The given revisions and everything they imply: their down revisions and dependencies, transitively. */
	private static Set<String> applied(List<String> rows, Map<String, RevisionInfo> revisions) {
		Set<String> applied = new LinkedHashSet<>();
		Deque<String> queue = new ArrayDeque<>(rows);
		while (!queue.isEmpty()) {
			String id = queue.pop();
			if (applied.add(id)) {
				RevisionInfo info = revisions.get(id);
				if (info != null) {
					queue.addAll(parents(info));
				}
			}
		}
		return applied;
	}

	/** The latest successful upgrade of each revision; the history is newest first. */
	private static Map<String, HistoryEntry> lastUpgrades(List<HistoryEntry> history) {
		return history.stream()
			.filter((entry) -> entry.success() && entry.direction() == Direction.UPGRADE && entry.revision() != null)
			.collect(Collectors.toMap(HistoryEntry::revision, (entry) -> entry, (newer, older) -> newer));
	}

	private static @Nullable String timestamp(@Nullable Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MILLIS).toString() : null;
	}

	private String sanitize(@Nullable String message) {
		return (message != null) ? this.redactor.redact(message) : "";
	}

	/**
	 * The answer to {@code GET /actuator/migrations}, and to an executed downgrade; {@code unfinished}, only present
	 * when there is one, names each non-transactional revision that was started and did not finish, with the way out.
	 */
	public record MigrationsDescriptor(List<String> current, List<String> heads, boolean upToDate,
			List<String> pending, List<RevisionDescriptor> revisions, List<HistoryDescriptor> history,
			@JsonInclude(Include.NON_EMPTY) List<String> unfinished) implements OperationResponseBody {
	}

	/** One revision of the graph, newest first. */
	@JsonInclude(Include.ALWAYS)
	public record RevisionDescriptor(String revision, List<String> downRevisions, String message,
			List<String> branchLabels, boolean applied, boolean head, boolean current, boolean reversible,
			@Nullable String checksum, @Nullable String appliedAt, @Nullable Long durationMs) {
	}

	/** One row of the history table. */
	@JsonInclude(Include.ALWAYS)
	public record HistoryDescriptor(@Nullable String revision, String direction, @Nullable String appliedAt,
			@Nullable String appliedBy, long durationMs, boolean success) {
	}

	/** The answer to {@code GET /actuator/migrations/{revision}}: one revision with its SQL. */
	@JsonInclude(Include.ALWAYS)
	public record RevisionDetailDescriptor(String revision, List<String> downRevisions, List<String> dependsOn,
			List<String> branchLabels, String message, String created, boolean applied, boolean head,
			boolean current, boolean reversible, boolean transactional, @Nullable String checksum,
			@Nullable String appliedAt, @Nullable Long durationMs, List<String> children, List<String> upgradeSql,
			List<String> downgradeSql) implements OperationResponseBody {
	}

	/** The answer to a dry run: the steps and the SQL that would run. */
	public record DowngradePlanDescriptor(boolean dryRun, String target, List<String> current,
			List<String> resultingCurrent, List<StepDescriptor> steps, String sql) implements OperationResponseBody {
	}

	/** One step of a dry run with the downgrade statements of its revision. */
	public record StepDescriptor(String revision, String message, List<String> from, List<String> to,
			List<String> sql) {
	}

	/** Every refusal: a stable code and a message that says what to do. */
	public record ErrorDescriptor(String error, String message) implements OperationResponseBody {
	}

}
