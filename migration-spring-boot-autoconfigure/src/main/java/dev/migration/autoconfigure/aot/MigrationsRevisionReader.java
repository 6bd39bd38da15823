package dev.migration.autoconfigure.aot;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.migration.MigrationConfiguration;
import dev.migration.RevisionIndex;
import dev.migration.SqlRevisions;

import org.springframework.aot.AotDetector;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Reads the revision files for the auto-configured {@code Migrations} bean, through
 * Spring's resource resolution ({@link SpringClasspathLister}). Registered by the
 * auto-configuration, so it exists only once its conditions have matched; it then starts
 * reading on a thread of its own while the context goes on (the web server is created
 * meanwhile), and the bean takes what it read. Never while Spring AOT processes the
 * application at build time, and not for locations that name the database vendor, which
 * only a connection can tell.
 */
public final class MigrationsRevisionReader
		implements BeanFactoryPostProcessor, EnvironmentAware, ResourceLoaderAware, PriorityOrdered {

	/**
	 * The name under which the code that Spring AOT generated registers the
	 * {@link RevisionIndex}.
	 */
	public static final String INDEX_BEAN_NAME = "migrationsRevisionIndex";

	private final String migrationsBeanName;

	private final String factoryBeanName;

	private Environment environment;

	private ResourcePatternResolver resolver;

	private volatile RevisionIndex index;

	private volatile List<String> readingLocations;

	private volatile CompletableFuture<SqlRevisions> reading;

	/**
	 * A reader for the bean of that name, when the named configuration class defines it.
	 * @param migrationsBeanName the name of the {@code Migrations} bean
	 * @param factoryBeanName the configuration class whose bean method reads through this
	 * reader
	 */
	public MigrationsRevisionReader(String migrationsBeanName, String factoryBeanName) {
		this.migrationsBeanName = migrationsBeanName;
		this.factoryBeanName = factoryBeanName;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setResourceLoader(ResourceLoader resourceLoader) {
		this.resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
	}

	@Override
	public int getOrder() {
		// started first, so that the reading overlaps as much of the context's start as
		// it can
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
		// by name: a lookup by type would predict the type of every bean definition, on
		// the main thread
		this.index = beanFactory.containsSingleton(INDEX_BEAN_NAME)
				? beanFactory.getBean(INDEX_BEAN_NAME, RevisionIndex.class) : null;
		if (Boolean.getBoolean(AOT_PROCESSING) || !definesTheBean(beanFactory)) {
			return;
		}
		ClassLoader classLoader = this.resolver.getClassLoader();
		// binding the two properties it needs is part of the background work too: the
		// main thread only starts the thread
		this.reading = CompletableFuture.supplyAsync(() -> readAhead(classLoader), (task) -> {
			Thread thread = new Thread(task, "migrations-read");
			thread.setDaemon(true);
			thread.start();
		});
	}

	/**
	 * The revisions of the configured locations, or {@code null} when the startup upgrade
	 * will not need them or the locations name the database vendor.
	 */
	private SqlRevisions readAhead(ClassLoader classLoader) {
		// with MigrationsProperties' defaults, not the whole class
		Binder binder = Binder.get(this.environment);
		boolean runOnStartup = binder.bind("migrations.run-on-startup", Boolean.class).orElse(true);
		List<String> locations = List.copyOf(binder.bind("migrations.locations", Bindable.listOf(String.class))
			.orElse(List.of(MigrationConfiguration.DEFAULT_LOCATION)));
		if (!runOnStartup || locations.stream()
			.anyMatch((location) -> location.contains(MigrationConfiguration.VENDOR_PLACEHOLDER))) {
			return null;
		}
		this.readingLocations = locations;
		return SqlRevisions.read(locations, classLoader, lister());
	}

	/**
	 * Whether the bean is still the one the auto-configuration defines (a user's own bean
	 * reads for itself).
	 */
	private boolean definesTheBean(ConfigurableListableBeanFactory beanFactory) {
		if (!beanFactory.containsBeanDefinition(this.migrationsBeanName)) {
			return false;
		}
		BeanDefinition definition = beanFactory.getBeanDefinition(this.migrationsBeanName);
		return this.factoryBeanName.equals(definition.getFactoryBeanName())
				|| (AotDetector.useGeneratedArtifacts() && definition.getFactoryBeanName() == null);
	}

	/**
	 * The SQL revisions of the locations: those read in the background when they were for
	 * these locations and class loader, else read now.
	 * @param locations the configured locations, the vendor resolved
	 * @param classLoader the class loader of {@code classpath:} locations
	 * @return the revisions
	 */
	public SqlRevisions revisions(List<String> locations, ClassLoader classLoader) {
		CompletableFuture<SqlRevisions> future = this.reading;
		this.reading = null;
		// not waiting for a read of other locations (a customizer changed them) once the
		// thread has said which it reads
		List<String> readingThose = this.readingLocations;
		if (future != null && classLoader == this.resolver.getClassLoader()
				&& (readingThose == null || locations.equals(readingThose))) {
			try {
				SqlRevisions ahead = future.join();
				if (ahead != null && locations.equals(ahead.locations())) {
					return ahead;
				}
			}
			catch (CompletionException ex) {
				// read again here, so that the failure is raised as reading on this
				// thread raises it
			}
		}
		return SqlRevisions.read(locations, classLoader, lister());
	}

	/**
	 * Whether reading started in the background (for tests: never while Spring AOT
	 * processes the application).
	 */
	boolean startedReading() {
		return this.readingLocations != null;
	}

	/**
	 * Lists classpath locations through Spring's resource resolution, or the AOT index
	 * where there is one.
	 */
	public SpringClasspathLister lister() {
		return new SpringClasspathLister(this.resolver, this.index);
	}

	/**
	 * The Java revisions of a package: those Spring AOT found at build time (a native
	 * image has no classes to scan), else what Spring's component scanning finds.
	 */
	public List<String> javaRevisions(String basePackage) {
		RevisionIndex current = this.index;
		List<String> indexed = (current != null) ? current.javaRevisions(basePackage) : null;
		return (indexed != null) ? indexed : SpringClasspathLister.javaRevisions(this.resolver, basePackage);
	}

	private static final String AOT_PROCESSING = "spring.aot.processing";

}
