package dev.migration.autoconfigure.endpoint;

import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.migration.AmbiguousRevisionException;
import dev.migration.ConcurrentChangeException;
import dev.migration.HistoryEntry;
import dev.migration.IrreversibleRevisionException;
import dev.migration.LockTimeoutException;
import dev.migration.MigrationException;
import dev.migration.MigrationStatus;
import dev.migration.MigrationStatus.RevisionStatus;
import dev.migration.Migrations;
import dev.migration.NotAnAncestorException;
import dev.migration.Redactor;
import dev.migration.Plan;
import dev.migration.RevisionInfo;
import dev.migration.Step;
import dev.migration.TargetException;
import dev.migration.TooManyStepsException;
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
		RevisionStatus status = this.migrations.status("heads", 0).revision(info.id());
		HistoryEntry lastUpgrade = status.lastUpgrade();
		return new WebEndpointResponse<>(new RevisionDetailDescriptor(info.id(), info.downRevisions(),
				info.dependsOn(), info.branchLabels(), info.message(), info.created(), status.applied(), info.head(),
				status.current(), info.reversible(), info.transactional(), info.checksum(),
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
		Plan plan;
		try {
			plan = this.migrations.planDowngrade(target, current, this.maxDowngradeSteps);
		}
		catch (NotAnAncestorException ex) {
			return refuse(STATUS_UNPROCESSABLE, "not_an_ancestor", ex.getMessage());
		}
		catch (TooManyStepsException ex) {
			return refuse(STATUS_UNPROCESSABLE, "too_many_steps", "Downgrading to '" + target + "' would revert "
					+ ex.revisions().size() + " revisions (" + String.join(", ", ex.revisions())
					+ "), more than migrations.endpoint.max-downgrade-steps=" + ex.limit()
					+ ". Nothing was run. Downgrade in smaller steps, or raise the limit.");
		}
		catch (IrreversibleRevisionException ex) {
			return refuse(STATUS_UNPROCESSABLE, "irreversible_revision", ex.getMessage());
		}
		catch (TargetException ex) {
			return refuse(STATUS_UNPROCESSABLE, "invalid_target", ex.getMessage());
		}
		return dryRun ? new WebEndpointResponse<>(dryRunDescriptor(target, plan, principal))
				: execute(target, plan, principal);
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

	/** The core's status as the JSON of CONTRACT §6: a mapping, nothing computed here. */
	private MigrationsDescriptor describe() {
		MigrationStatus status = this.migrations.status("heads", HISTORY_LIMIT);
		List<RevisionDescriptor> revisions = status.revisions().stream().map((revision) -> {
			RevisionInfo info = revision.info();
			HistoryEntry lastUpgrade = revision.lastUpgrade();
			return new RevisionDescriptor(info.id(), info.downRevisions(), info.message(), info.branchLabels(),
					revision.applied(), info.head(), revision.current(), info.reversible(), info.checksum(),
					(lastUpgrade != null) ? timestamp(lastUpgrade.appliedAt()) : null,
					(lastUpgrade != null) ? lastUpgrade.durationMs() : null);
		}).toList();
		List<HistoryDescriptor> history = status.history()
			.stream()
			.map((entry) -> new HistoryDescriptor(entry.revision(), entry.direction().word(),
					timestamp(entry.appliedAt()), entry.appliedBy(), entry.durationMs(), entry.success()))
			.toList();
		List<String> unfinished = status.unfinished().stream().map(UnfinishedRevision::describe).toList();
		return new MigrationsDescriptor(status.current(), status.heads(), status.upToDate(), status.pending(),
				revisions, history, unfinished);
	}

	private DowngradePlanDescriptor dryRunDescriptor(String target, Plan plan, @Nullable String principal) {
		List<StepDescriptor> steps = plan.steps()
			.stream()
			.map((step) -> new StepDescriptor(step.revision(), step.message(), step.from(), step.to(),
					this.migrations.revision(step.revision()).downgradeSql()))
			.toList();
		return new DowngradePlanDescriptor(true, target, plan.fromRows(), plan.toRows(), steps,
				this.migrations.script(plan, principal));
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
