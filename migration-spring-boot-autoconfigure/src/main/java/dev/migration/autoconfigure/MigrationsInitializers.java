package dev.migration.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.migration.Fleet;
import dev.migration.FleetFailedException;
import dev.migration.FleetResult;
import dev.migration.FleetTarget;
import dev.migration.Migrations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;

/**
 * The startup work for several {@link Migrations} beans: one
 * {@link MigrationsInitializer} per bean, each doing what the only one would do, run one
 * after the other in bean order. In the background mode the whole sequence runs on one
 * thread, and readiness waits for the last instance; the first failure stops the sequence
 * and names its instance. Beans that use a database start after all of them (Spring
 * Boot's database-initialization ordering).
 * <p>
 * For the schemas of {@code migrations.schemas} the instances run through a {@link Fleet}
 * instead, several at once: one schema failing does not stop the others, and the startup
 * fails afterwards naming every schema that failed.
 */
public final class MigrationsInitializers
		implements InitializingBean, SmartInitializingSingleton, ApplicationContextAware {

	private static final Log logger = LogFactory.getLog("dev.migration");

	private final Map<String, MigrationsInitializer> initializers = new LinkedHashMap<>();

	/**
	 * Runs the per-instance initializers in order, in the background when async is on.
	 */
	private final MigrationsInitializer sequence;

	private final boolean runOnStartup;

	/** Runs the schemas of a tenant fleet, or {@code null} for several beans. */
	private final @Nullable Fleet fleet;

	/**
	 * @param instances the beans, in bean order
	 * @param initializer the initializer of one instance, configured as the only one
	 * would be
	 * @param properties the target, run-on-startup and async of the whole sequence
	 * @param fleet runs the instances, which are its schemas, with its parallelism;
	 * {@code null} to run them one after the other
	 */
	MigrationsInitializers(MigrationsInstances instances, Function<Migrations, MigrationsInitializer> initializer,
			MigrationsProperties properties, @Nullable Fleet fleet) {
		this.fleet = fleet;
		instances.byName().forEach((name, migrations) -> {
			MigrationsInitializer one = initializer.apply(migrations);
			// the sequence goes to the background as a whole, so that the instances keep
			// their order
			one.setAsync(false);
			this.initializers.put(name, one);
		});
		this.sequence = new MigrationsInitializer(instances.get(null), (ignored) -> runEach(), properties.target());
		this.sequence.setRunOnStartup(properties.runOnStartup());
		this.sequence.setAsync(properties.async());
		this.runOnStartup = properties.runOnStartup();
	}

	/** The startup work of one instance, by bean name, or {@code null}. */
	public @Nullable MigrationsInitializer initializer(String instance) {
		return this.initializers.get(instance);
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.sequence.setApplicationContext(applicationContext);
		this.initializers.values().forEach((one) -> one.setApplicationContext(applicationContext));
	}

	@Override
	public void afterPropertiesSet() {
		if (this.runOnStartup) {
			this.sequence.afterPropertiesSet();
		}
		else {
			// nothing to upgrade; each instance still refuses to start while pending when
			// fail-on-pending is on
			runEach();
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.sequence.afterSingletonsInstantiated();
	}

	private void runEach() {
		if (this.fleet != null) {
			runSchemas(this.fleet);
			return;
		}
		this.initializers.forEach((name, one) -> {
			try {
				one.afterPropertiesSet();
			}
			catch (RuntimeException ex) {
				throw new InstanceFailedException(name, ex);
			}
		});
	}

	private void runSchemas(Fleet fleet) {
		List<FleetTarget> schemas = this.initializers.keySet().stream().map(FleetTarget::schema).toList();
		FleetResult<Object> result = fleet.run(schemas, (schema) -> {
			this.initializers.get(schema.name()).afterPropertiesSet();
			return schema;
		});
		logger.info(result.summary(false));
		if (!result.isSuccess()) {
			throw new FleetFailedException(result, false);
		}
	}

	/**
	 * The startup work of one instance failed: the cause says why; the instances after it
	 * did not run.
	 */
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

}
