package dev.migration.autoconfigure.endpoint;

import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

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
import dev.migration.Plan;
import dev.migration.Redactor;
import dev.migration.RevisionInfo;
import dev.migration.TargetException;
import dev.migration.TooManyStepsException;
import dev.migration.UnfinishedRevision;
import dev.migration.UnfinishedRevisionException;
import dev.migration.autoconfigure.MigrationsInstances;
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
import org.springframework.util.StringUtils;

/**
 * The {@code migrations} actuator endpoint, a mapping of the core's status, revisions and
 * guarded downgrade plan (as Spring Boot's Flyway endpoint maps {@code flyway.info()}).
 * Write access is off unless {@code management.endpoint.migrations.access=unrestricted},
 * and even then every downgrade is refused unless
 * {@code migrations.endpoint.downgrade-enabled=true}. With several {@link Migrations}
 * beans, {@code ?instance=<bean
 * name>} selects one; without it, the default one answers.
 */
@Endpoint(id = "migrations", defaultAccess = Access.READ_ONLY)
public class MigrationsEndpoint {

	private static final Log logger = LogFactory.getLog(MigrationsEndpoint.class);

	/** The core's refusals, most specific first, with HTTP status and error code. */
	private static final List<Refusal> REFUSALS = List.of(
			new Refusal(NotAnAncestorException.class, 422, "not_an_ancestor"),
			new Refusal(TooManyStepsException.class, 422, "too_many_steps"),
			new Refusal(IrreversibleRevisionException.class, 422, "irreversible_revision"),
			new Refusal(TargetException.class, 422, "invalid_target"),
			new Refusal(ConcurrentChangeException.class, 409, "current_mismatch"),
			new Refusal(UnfinishedRevisionException.class, 409, "unfinished_revision"),
			new Refusal(LockTimeoutException.class, 503, "lock_timeout"));

	private final MigrationsInstances instances;

	private final boolean downgradeEnabled;

	private final int maxDowngradeSteps;

	/** Messages may quote the database or a driver: never let a password through. */
	private final Redactor redactor;

	private final ReentrantLock executing = new ReentrantLock();

	/**
	 * @param instances the {@link Migrations} beans by name, and the default one
	 * @param downgradeEnabled whether a downgrade may run at all
	 * @param maxDowngradeSteps most revisions one downgrade may revert
	 * @param redactor masks the application's passwords in every message the endpoint
	 * answers or logs
	 */
	public MigrationsEndpoint(MigrationsInstances instances, boolean downgradeEnabled, int maxDowngradeSteps,
			Redactor redactor) {
		this.instances = instances;
		this.downgradeEnabled = downgradeEnabled;
		this.maxDowngradeSteps = maxDowngradeSteps;
		this.redactor = redactor;
	}

	@ReadOperation
	public WebEndpointResponse<OperationResponseBody> migrations(@Nullable String instance) {
		return withInstance(instance, (migrations) -> new WebEndpointResponse<>(describe(migrations)));
	}

	@ReadOperation
	public WebEndpointResponse<OperationResponseBody> revision(@Selector String revision, @Nullable String instance) {
		return withInstance(instance, (migrations) -> {
			try {
				RevisionInfo info = migrations.revision(revision);
				RevisionStatus status = migrations.status("heads", 0).revision(info.id());
				HistoryEntry last = status.lastUpgrade();
				return new WebEndpointResponse<>(new RevisionDetailDescriptor(info.id(), info.downRevisions(),
						info.dependsOn(), info.branchLabels(), info.message(), info.created(), status.applied(),
						info.head(), status.current(), info.reversible(), info.transactional(), info.checksum(),
						(last != null) ? timestamp(last.appliedAt()) : null, (last != null) ? last.durationMs() : null,
						info.children(), info.upgradeSql(), info.downgradeSql()));
			}
			catch (AmbiguousRevisionException ex) {
				return refuse(WebEndpointResponse.STATUS_BAD_REQUEST, "ambiguous_revision", ex.getMessage());
			}
			catch (TargetException ex) {
				return refuse(WebEndpointResponse.STATUS_NOT_FOUND, "unknown_revision", ex.getMessage());
			}
		});
	}

	/**
	 * The guarded downgrade. A body that is not JSON, lacks {@code target} or has a value
	 * of the wrong type is answered by Spring with HTTP 400 before this method is called.
	 * @param target a revision id, a unique prefix, {@code -N} or {@code base}
	 * @param expectedCurrent the current revision(s) the caller saw, separated by commas
	 * @param dryRun {@code false} to run the downgrade; by default only its plan and SQL
	 * are answered
	 * @param instance the bean name of the {@link Migrations} instance, or {@code null}
	 * for the default one
	 * @param securityContext who asks, recorded in the history
	 * @return the plan, the new state, or a refusal
	 */
	@WriteOperation
	public WebEndpointResponse<OperationResponseBody> downgrade(String target, @Nullable String expectedCurrent,
			@Nullable Boolean dryRun, @Nullable String instance, SecurityContext securityContext) {
		return withInstance(instance, (migrations) -> {
			if (!this.downgradeEnabled) {
				return refuse(403, "downgrade_disabled", "Downgrades through the migrations endpoint are disabled. "
						+ "Nothing was run. Set migrations.endpoint.downgrade-enabled=true to allow them.");
			}
			List<String> expected = List.of(StringUtils.tokenizeToStringArray(expectedCurrent, ","));
			if (expected.isEmpty()) {
				return refuse(409, "expected_current_required",
						"'expectedCurrent' is required: the revision(s) you "
								+ "saw as current, separated by commas. The database is at "
								+ Migrations.describeIds(migrations.current()) + ". Nothing was run.");
			}
			Principal principal = (securityContext != null) ? securityContext.getPrincipal() : null;
			String appliedBy = (principal != null) ? principal.getName() : null;
			try {
				// the core refuses a database not at expectedCurrent: current_mismatch
				Plan plan = migrations.planGuardedDowngrade(target.trim(), expected, this.maxDowngradeSteps);
				if (dryRun == null || dryRun) {
					return new WebEndpointResponse<>(dryRun(migrations, target, plan, appliedBy));
				}
				// one at a time here; the core's compare and set covers other processes
				if (!this.executing.tryLock()) {
					return refuse(409, "downgrade_in_progress", "Another downgrade is running in this application. "
							+ "Nothing was run. Look again (GET) when it has finished.");
				}
				try {
					return execute(migrations, target, plan, appliedBy);
				}
				finally {
					this.executing.unlock();
				}
			}
			catch (MigrationException ex) {
				return refusal(ex);
			}
		});
	}

	private WebEndpointResponse<OperationResponseBody> execute(Migrations migrations, String target, Plan plan,
			@Nullable String appliedBy) {
		String who = (appliedBy != null) ? appliedBy : "the database user (no authenticated principal)";
		logger.warn(sanitize("Downgrade to '" + target + "' requested by " + who + " through the migrations endpoint: "
				+ Migrations.describeIds(plan.fromRows()) + " -> " + Migrations.describeIds(plan.toRows())));
		migrations.execute(plan, appliedBy);
		MigrationsDescriptor state = describe(migrations);
		logger.warn("Downgrade by " + who + " finished: the database is at " + Migrations.describeIds(state.current()));
		return new WebEndpointResponse<>(state);
	}

	/** The core's status as the JSON of CONTRACT §6: a mapping, nothing computed here. */
	private MigrationsDescriptor describe(Migrations migrations) {
		MigrationStatus status = migrations.status("heads", MigrationStatus.DEFAULT_HISTORY_LIMIT);
		List<RevisionDescriptor> revisions = status.revisions().stream().map((revision) -> {
			RevisionInfo info = revision.info();
			HistoryEntry last = revision.lastUpgrade();
			return new RevisionDescriptor(info.id(), info.downRevisions(), info.message(), info.branchLabels(),
					revision.applied(), info.head(), revision.current(), info.reversible(), info.checksum(),
					(last != null) ? timestamp(last.appliedAt()) : null, (last != null) ? last.durationMs() : null);
		}).toList();
		List<HistoryDescriptor> history = status.history()
			.stream()
			.map((entry) -> new HistoryDescriptor(entry.revision(), entry.direction().word(),
					timestamp(entry.appliedAt()), entry.appliedBy(), entry.durationMs(), entry.success()))
			.toList();
		return new MigrationsDescriptor(status.current(), status.heads(), status.upToDate(), status.pending(),
				revisions, history, status.unfinished().stream().map(UnfinishedRevision::describe).toList(),
				this.instances.names());
	}

	private DowngradePlanDescriptor dryRun(Migrations migrations, String target, Plan plan,
			@Nullable String appliedBy) {
		List<StepDescriptor> steps = plan.steps()
			.stream()
			.map((step) -> new StepDescriptor(step.revision(), step.message(), step.from(), step.to(),
					migrations.revision(step.revision()).downgradeSql()))
			.toList();
		return new DowngradePlanDescriptor(true, target, plan.fromRows(), plan.toRows(), steps,
				migrations.script(plan, appliedBy));
	}

	private WebEndpointResponse<OperationResponseBody> withInstance(@Nullable String instance,
			Function<Migrations, WebEndpointResponse<OperationResponseBody>> operation) {
		Migrations migrations = this.instances.get(instance);
		if (migrations == null) {
			return refuse(WebEndpointResponse.STATUS_NOT_FOUND, "unknown_instance", "No Migrations instance '"
					+ instance + "'. The instances are " + String.join(", ", this.instances.byName().keySet()) + ".");
		}
		return operation.apply(migrations);
	}

	private WebEndpointResponse<OperationResponseBody> refusal(MigrationException ex) {
		for (Refusal refusal : REFUSALS) {
			if (refusal.type().isInstance(ex)) {
				String message = (ex instanceof TooManyStepsException) ? ex.getMessage()
						+ " The limit is migrations.endpoint.max-downgrade-steps=" + this.maxDowngradeSteps + "."
						: ex.getMessage();
				return refuse(refusal.status(), refusal.error(), message);
			}
		}
		logger.error(sanitize("Downgrade failed"), this.redactor.redact((Throwable) ex));
		return refuse(WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR, "downgrade_failed", ex.getMessage());
	}

	private WebEndpointResponse<OperationResponseBody> refuse(int status, String error, @Nullable String message) {
		return new WebEndpointResponse<>(new ErrorDescriptor(error, sanitize(message)), status);
	}

	private String sanitize(@Nullable String message) {
		return (message != null) ? this.redactor.redact(message) : "";
	}

	private static @Nullable String timestamp(@Nullable Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MILLIS).toString() : null;
	}

	private record Refusal(Class<? extends MigrationException> type, int status, String error) {
	}

	/**
	 * The answer to {@code GET /actuator/migrations}, and to an executed downgrade.
	 * {@code unfinished} (each non-transactional revision that was started and did not
	 * finish) and {@code instances} (the bean names, when there are several
	 * {@link Migrations} beans) are only present when not empty.
	 */
	public record MigrationsDescriptor(List<String> current, List<String> heads, boolean upToDate, List<String> pending,
			List<RevisionDescriptor> revisions, List<HistoryDescriptor> history,
			@JsonInclude(Include.NON_EMPTY) List<String> unfinished,
			@JsonInclude(Include.NON_EMPTY) List<String> instances) implements OperationResponseBody {
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

	/**
	 * The answer to {@code GET /actuator/migrations/{revision}}: one revision with its
	 * SQL.
	 */
	@JsonInclude(Include.ALWAYS)
	public record RevisionDetailDescriptor(String revision, List<String> downRevisions, List<String> dependsOn,
			List<String> branchLabels, String message, String created, boolean applied, boolean head, boolean current,
			boolean reversible, boolean transactional, @Nullable String checksum, @Nullable String appliedAt,
			@Nullable Long durationMs, List<String> children, List<String> upgradeSql,
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
