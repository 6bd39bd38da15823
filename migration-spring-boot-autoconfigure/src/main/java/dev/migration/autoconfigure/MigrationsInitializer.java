package dev.migration.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

import dev.migration.Fleet;
import dev.migration.FleetFailedException;
import dev.migration.FleetResult;
import dev.migration.FleetTarget;
import dev.migration.MigrationException;
import dev.migration.MigrationResult;
import dev.migration.MigrationStatus;
import dev.migration.Migrations;
import dev.migration.Redactor;
import dev.migration.RevisionFailedException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Does the startup work while the context starts: upgrades to the target (or runs the
 * {@link MigrationStrategy}), or, with run-on-startup off, refuses to start while
 * revisions are pending if asked to. Beans that use the database depend on this bean
 * through the database-initialization ordering of Spring Boot.
 * <p>
 * In the background mode the upgrade runs on its own thread; the application's readiness
 * stays {@link ReadinessState#REFUSING_TRAFFIC} until it succeeds, and a failure marks
 * liveness {@link LivenessState#BROKEN}.
 * <p>
 * Given Spring's bootstrap executor, the upgrade starts on it when this bean is created
 * and the context goes on creating the other beans meanwhile; beans that depend on
 * database initialization wait for it through {@link Completion}, and the context does
 * not finish its refresh before it ended. A failure fails the start as before.
 * <p>
 * For several {@link Migrations} beans one initializer runs the startup work of each, as
 * the only one would do it, one after the other in bean order (in the background mode as
 * a whole on one thread, readiness waiting for the last); the first failure stops the
 * sequence and names its instance. The schemas of {@code migrations.schemas} run through
 * a {@link Fleet} instead, several at once: one schema failing does not stop the others,
 * and the startup fails afterwards naming every schema that failed.
 */
public class MigrationsInitializer
		implements InitializingBean, SmartInitializingSingleton, Ordered, ApplicationContextAware {

	private static final Log logger = LogFactory.getLog(MigrationsInitializer.class);

	/** Where the step lines go, and so the line that ends an upgrade. */
	private static final Log engineLogger = LogFactory.getLog("dev.migration");

	private final Migrations migrations;

	private final MigrationStrategy migrationStrategy;

	private final String target;

	private boolean runOnStartup = true;

	private boolean failOnPending;

	private boolean async;

	private int order;

	private ApplicationContext applicationContext;

	private final Object monitor = new Object();

	private volatile State state = State.NOT_RUN;

	private volatile RuntimeException failure;

	private boolean readinessRequested;

	private Executor bootstrapExecutor;

	private volatile CompletableFuture<Void> startup;

	/** The startup work of each instance by name when this runs several, else empty. */
	private final Map<String, MigrationsInitializer> instances = new LinkedHashMap<>();

	/** Runs the instances, the schemas of a tenant fleet, or {@code null} for beans. */
	private @Nullable Fleet fleet;

	/**
	 * Create an initializer that upgrades to {@code target} on startup.
	 * @param migrations the migrations
	 * @param migrationStrategy replaces the upgrade when not {@code null}
	 * @param target where the upgrade goes
	 */
	public MigrationsInitializer(Migrations migrations, MigrationStrategy migrationStrategy, String target) {
		Assert.notNull(migrations, "'migrations' must not be null");
		Assert.hasText(target, "'target' must not be empty");
		this.migrations = migrations;
		this.migrationStrategy = migrationStrategy;
		this.target = target;
	}

	/** The startup work of several instances; {@code fleet} runs them as its schemas. */
	static MigrationsInitializer of(MigrationsInstances instances,
			Function<Migrations, MigrationsInitializer> initializer, @Nullable Fleet fleet) {
		MigrationsInitializer several = initializer.apply(instances.get(null));
		several.fleet = fleet;
		instances.byName().forEach((name, migrations) -> {
			MigrationsInitializer one = initializer.apply(migrations);
			// the sequence goes to the background as one, keeping the instances' order
			one.setAsync(false);
			several.instances.put(name, one);
		});
		return several;
	}

	public void setRunOnStartup(boolean runOnStartup) {
		this.runOnStartup = runOnStartup;
	}

	public void setFailOnPending(boolean failOnPending) {
		this.failOnPending = failOnPending;
	}

	public void setAsync(boolean async) {
		this.async = async;
	}

	/**
	 * Runs the startup upgrade on this executor (Spring's bootstrap executor), so that
	 * the context creates its other beans meanwhile; {@code null} to run it while this
	 * bean is created.
	 */
	public void setBootstrapExecutor(Executor bootstrapExecutor) {
		this.bootstrapExecutor = bootstrapExecutor;
	}

	public void setOrder(int order) {
		this.order = order;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	/** Where the startup work stands. */
	public State getState() {
		return this.state;
	}

	/** Why the startup work failed, or {@code null}. */
	public RuntimeException getFailure() {
		return this.failure;
	}

	/**
	 * The startup work of one instance by name (this one when it runs one), or
	 * {@code null}.
	 */
	public @Nullable MigrationsInitializer initializer(String instance) {
		return this.instances.isEmpty() ? this : this.instances.get(instance);
	}

	@Override
	public void afterPropertiesSet() {
		if (!this.runOnStartup) {
			if (!this.instances.isEmpty()) {
				// nothing to upgrade; each instance still refuses to start while pending
				runEach();
			}
			else if (this.failOnPending) {
				refuseWhenPending();
			}
			return;
		}
		this.state = State.RUNNING;
		if (this.async) {
			// started after the singletons, so that its events find a complete listener
			return;
		}
		if (this.bootstrapExecutor != null) {
			this.startup = CompletableFuture.runAsync(this::migrateOnStartup, this.bootstrapExecutor);
			return;
		}
		migrateOnStartup();
	}

	private void migrateOnStartup() {
		try {
			migrate();
			this.state = State.SUCCEEDED;
		}
		catch (RuntimeException ex) {
			this.failure = ex;
			this.state = State.FAILED;
			throw ex;
		}
	}

	/**
	 * Waits until the startup upgrade started on the bootstrap executor has ended;
	 * returns at once when it ran while this bean was created.
	 * @return the completion that beans depending on database initialization wait for
	 * @throws RuntimeException the upgrade's failure, as it would have been thrown while
	 * this bean was created
	 */
	public Completion awaitStartup() {
		CompletableFuture<Void> started = this.startup;
		if (started != null) {
			try {
				started.join();
			}
			catch (CompletionException ex) {
				throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
			}
		}
		return new Completion(this.state);
	}

	@Override
	public void afterSingletonsInstantiated() {
		// the refresh ends with the upgrade done, as when it ran on the main thread
		awaitStartup();
		if (this.runOnStartup && this.async) {
			Assert.state(this.applicationContext instanceof ConfigurableApplicationContext,
					"A ConfigurableApplicationContext is needed to upgrade in the background");
			// after every singleton listener (ApplicationAvailabilityBean too): it hears
			// ACCEPTING_TRAFFIC after them, and its correction is the state that stays
			((ConfigurableApplicationContext) this.applicationContext).addApplicationListener(new AvailabilityGuard());
			Thread thread = new Thread(this::migrateInBackground, "migrations");
			thread.start();
		}
	}

	private void migrate() {
		if (!this.instances.isEmpty()) {
			runEach();
		}
		else if (this.migrationStrategy != null) {
			this.migrationStrategy.migrate(this.migrations);
		}
		else {
			long started = System.nanoTime();
			MigrationResult result = this.migrations.upgrade(this.target);
			engineLogger.info(
					this.migrations.upgradeSummary(this.target, result, Duration.ofNanos(System.nanoTime() - started)));
		}
	}

	private void runEach() {
		if (this.fleet != null) {
			List<FleetTarget> schemas = this.instances.keySet().stream().map(FleetTarget::schema).toList();
			FleetResult<Object> result = this.fleet.run(schemas, (schema) -> {
				this.instances.get(schema.name()).afterPropertiesSet();
				return schema;
			});
			engineLogger.info(result.summary(false));
			if (!result.isSuccess()) {
				throw new FleetFailedException(result, false);
			}
			return;
		}
		this.instances.forEach((name, one) -> {
			try {
				one.afterPropertiesSet();
			}
			catch (RuntimeException ex) {
				throw new InstanceFailedException(name, ex);
			}
		});
	}

	private void refuseWhenPending() {
		MigrationStatus status = this.migrations.status(this.target, 0).requirePlannable();
		if (!status.upToDate()) {
			throw new PendingRevisionsException(this.target, status.pending());
		}
	}

	private void migrateInBackground() {
		try {
			migrate();
			synchronized (this.monitor) {
				this.state = State.SUCCEEDED;
				if (this.readinessRequested) {
					publish(ReadinessState.ACCEPTING_TRAFFIC);
				}
			}
		}
		catch (RuntimeException ex) {
			synchronized (this.monitor) {
				this.failure = ex;
				// BROKEN before FAILED: whoever sees FAILED finds the application broken
				publish(LivenessState.BROKEN);
				this.state = State.FAILED;
			}
			Redactor redactor = MigrationsSecrets.redactor(
					(this.applicationContext != null) ? this.applicationContext.getEnvironment() : null,
					this.migrations);
			logger.error(redactor.redact(describeFailure(ex)), redactor.redact((Throwable) ex));
		}
	}

	private String describeFailure(RuntimeException ex) {
		String where = (ex instanceof RevisionFailedException failed) ? " at revision " + failed.revision() : "";
		String kind = (ex instanceof MigrationException) ? "" : " (" + ex.getClass().getName() + ")";
		return "Background upgrade to '" + this.target + "' failed" + where + kind + ": " + ex.getMessage()
				+ " The application is marked broken (liveness BROKEN, readiness REFUSING_TRAFFIC).";
	}

	private void publish(AvailabilityState state) {
		AvailabilityChangeEvent.publish(this.applicationContext, this, state);
	}

	/**
	 * Spring Boot marks the application live and ready once the context has started; in
	 * the background mode ready must wait until the upgrade has succeeded, and a failed
	 * upgrade keeps the application broken.
	 */
	private final class AvailabilityGuard implements ApplicationListener<AvailabilityChangeEvent<?>>, Ordered {

		@Override
		public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
			if (event.getSource() == MigrationsInitializer.this) {
				return;
			}
			synchronized (MigrationsInitializer.this.monitor) {
				State current = MigrationsInitializer.this.state;
				if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
					MigrationsInitializer.this.readinessRequested = true;
					if (current != State.SUCCEEDED) {
						publish(ReadinessState.REFUSING_TRAFFIC);
					}
				}
				else if (event.getState() == LivenessState.CORRECT && current == State.FAILED) {
					publish(LivenessState.BROKEN);
				}
			}
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	/** An instance failed (the cause says why); the instances after it did not run. */
	static final class InstanceFailedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String instance;

		InstanceFailedException(String instance, RuntimeException cause) {
			super("Migrations bean '" + instance + "' failed: " + cause.getMessage(), cause);
			this.instance = instance;
		}

		String instance() {
			return this.instance;
		}

	}

	/**
	 * Exists once the startup work has ended: what beans that depend on database
	 * initialization wait for when the upgrade runs on Spring's bootstrap executor.
	 *
	 * @param state how the startup work ended
	 */
	public record Completion(State state) {

	}

	/** Where the startup work stands. */
	public enum State {

		/** Nothing ran on startup (run-on-startup is off). */
		NOT_RUN,

		/** The upgrade or strategy is running. */
		RUNNING,

		/** The upgrade or strategy finished. */
		SUCCEEDED,

		/** The upgrade or strategy failed. */
		FAILED

	}

}
