package dev.migration.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import dev.migration.Migrations;
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
 */
public final class MigrationsInitializers
		implements InitializingBean, SmartInitializingSingleton, ApplicationContextAware {

	private final Map<String, MigrationsInitializer> initializers = new LinkedHashMap<>();

	/**
	 * Runs the per-instance initializers in order, in the background when async is on.
	 */
	private final MigrationsInitializer sequence;

	private final boolean runOnStartup;

	/**
	 * @param instances the beans, in bean order
	 * @param initializer the initializer of one instance, configured as the only one
	 * would be
	 * @param target where the upgrades go (for the log lines of the background mode)
	 * @param runOnStartup whether to upgrade on startup at all
	 * @param async whether the sequence runs in the background
	 */
	MigrationsInitializers(MigrationsInstances instances, Function<Migrations, MigrationsInitializer> initializer,
			String target, boolean runOnStartup, boolean async) {
		instances.byName().forEach((name, migrations) -> {
			MigrationsInitializer one = initializer.apply(migrations);
			// the sequence goes to the background as a whole, so that the instances keep
			// their order
			one.setAsync(false);
			this.initializers.put(name, one);
		});
		this.sequence = new MigrationsInitializer(instances.get(null), (ignored) -> runEach(), target);
		this.sequence.setRunOnStartup(runOnStartup);
		this.sequence.setAsync(async);
		this.runOnStartup = runOnStartup;
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
		this.initializers.forEach((name, one) -> {
			try {
				one.afterPropertiesSet();
			}
			catch (RuntimeException ex) {
				throw new InstanceFailedException(name, ex);
			}
		});
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
