package dev.migration.autoconfigure;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

import dev.migration.MigrationConfiguration;
import dev.migration.Migrations;

/**
 * Reads the revision files on a background thread from the moment the environment is known, as Spring Boot's
 * {@code BackgroundPreinitializer} warms its own classes: by the time the {@link Migrations} bean is created, most of
 * its work is done, and a service that checks a thousand applied revisions at every start does not wait for it. When
 * the migrations use the application's DataSource, it also opens a {@link PreopenedConnection} with
 * {@code spring.datasource.*} for the startup check.
 * <p>
 * It only guesses the configuration the auto-configuration will build; when the guess is wrong (a customizer changes
 * the locations, a {@code {vendor}} location the properties cannot resolve), {@link Migrations#create} reads the files
 * itself and the preload is dropped once the application is ready or has failed. Spring Boot's switch
 * {@code -Dspring.backgroundpreinitializer.ignore=true} turns it off too.
 */
public final class MigrationsPreloader implements ApplicationListener<SpringApplicationEvent> {

	private static final String IGNORE_PROPERTY = "spring.backgroundpreinitializer.ignore";

	/** Shared with {@link PreopenedConnection}. */
	static final String SQLITE_PREFIX = "jdbc:sqlite:";

	private List<String> locations;

	private ClassLoader classLoader;

	private Future<?> preload;

	private PreopenedConnection connection;

	@Override
	public void onApplicationEvent(SpringApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			start(prepared);
		}
		else if (event instanceof ApplicationPreparedEvent prepared) {
			offerConnection(prepared);
		}
		else if (event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent) {
			discard();
		}
	}

	private synchronized void start(ApplicationEnvironmentPreparedEvent event) {
		if (Boolean.getBoolean(IGNORE_PROPERTY) || this.locations != null) {
			return;
		}
		ConfigurableEnvironment environment = event.getEnvironment();
		Binder binder = Binder.get(environment);
		List<String> locations;
		String ownUrl;
		String url;
		try {
			// the properties it needs, not the whole MigrationsProperties: binding a bean is slow in a new JVM
			if (!binder.bind("migrations.enabled", Boolean.class).orElse(true)) {
				return;
			}
			locations = binder.bind("migrations.locations", Bindable.listOf(String.class))
				.orElse(List.of(MigrationConfiguration.DEFAULT_LOCATION));
			ownUrl = binder.bind("migrations.url", String.class).orElse(null);
			url = (ownUrl != null) ? ownUrl : binder.bind("spring.datasource.url", String.class).orElse(null);
			if (ownUrl == null && url != null && PreopenedConnection.isWorthOpening(url)
					&& !binder.bind("migrations.user", String.class).isBound()) {
				// the migrations will use the application's DataSource as its own user
				this.connection = PreopenedConnection.open(url,
						binder.bind("spring.datasource.username", String.class).orElse(null),
						binder.bind("spring.datasource.password", String.class).orElse(null),
						binder.bind("spring.datasource.hikari.data-source-properties",
								Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
			}
		}
		catch (RuntimeException ex) {
			// a property that does not bind: the context binds it again and its failure analysis explains it
			return;
		}
		if (url != null && this.connection == null) {
			warmUpDriver(url);
		}
		List<String> resolved = MigrationsAutoConfiguration.resolveVendor(locations, vendor(url));
		if (resolved.stream().anyMatch((location) -> location.contains(MigrationsAutoConfiguration.VENDOR_PLACEHOLDER))) {
			return;
		}
		this.locations = resolved;
		this.classLoader = event.getSpringApplication().getClassLoader();
		this.preload = Migrations.preload(this.locations, this.classLoader);
	}

	/** Offers the connection opened early to the auto-configuration, unless another preloader did already. */
	private synchronized void offerConnection(ApplicationPreparedEvent event) {
		ConfigurableListableBeanFactory beanFactory = event.getApplicationContext().getBeanFactory();
		if (this.connection != null && !beanFactory.containsSingleton(PreopenedConnection.BEAN_NAME)) {
			beanFactory.registerSingleton(PreopenedConnection.BEAN_NAME, this.connection);
		}
	}

	/** The preload started for this application, done when the files are read, or {@code null}. */
	synchronized Future<?> preload() {
		return this.preload;
	}

	private synchronized void discard() {
		if (this.locations != null) {
			Migrations.discardPreload(this.locations, this.classLoader);
		}
		if (this.connection != null) {
			this.connection.discard();
		}
	}

	private static String vendor(String url) {
		if (url == null) {
			return null;
		}
		DatabaseDriver driver = DatabaseDriver.fromJdbcUrl(url);
		return (driver != DatabaseDriver.UNKNOWN) ? driver.getId() : null;
	}

	/**
	 * Loads the JDBC driver on a daemon thread, and for SQLite its native library through an in-memory database (the
	 * file itself is the pool's to open): the first connection of a new JVM costs a few hundred milliseconds of class
	 * loading that nothing else in the application needs to wait for.
	 */
	private static void warmUpDriver(String url) {
		Thread thread = new Thread(() -> {
			try {
				if (url.startsWith(SQLITE_PREFIX)) {
					DriverManager.getConnection(SQLITE_PREFIX + ":memory:").close();
				}
				else {
					DriverManager.getDriver(url);
				}
			}
			catch (SQLException | RuntimeException ex) {
				// the pool's connection fails the same way, and the failure analyzer explains it
			}
		}, "migrations-driver-warm-up");
		thread.setDaemon(true);
		thread.start();
	}

}
