package dev.migration.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.migration.Fleet;
import dev.migration.FleetTarget;
import dev.migration.JavaRevision;
import dev.migration.MigrationConfiguration;
import dev.migration.MigrationException;
import dev.migration.MigrationListener;
import dev.migration.Migrations;
import dev.migration.autoconfigure.MigrationsAutoConfiguration.MigrationsDataSourceCondition;
import dev.migration.autoconfigure.aot.MigrationsRevisionReader;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureOrder;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the migrations runner: a {@link Migrations} bean built from the
 * {@code migrations.*} properties and a {@link MigrationsInitializer} that upgrades the
 * database while the context starts.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@AutoConfigureOrder(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnClass({ Migrations.class, JdbcUtils.class })
@Conditional(MigrationsDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrationsProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigrationsAutoConfiguration {

	private static final String HIKARI_DATA_SOURCE = "com.zaxxer.hikari.HikariDataSource";

	/** Reads the revision files through Spring's resources, once the conditions match. */
	@Bean
	static MigrationsRevisionReader migrationsRevisionReader() {
		return new MigrationsRevisionReader("migrations", MigrationsAutoConfiguration.class.getName());
	}

	@Bean
	@ConditionalOnMissingBean
	Migrations migrations(MigrationsProperties properties, ResourceLoader resourceLoader,
			ObjectProvider<DataSource> dataSource,
			@MigrationsDataSource ObjectProvider<DataSource> migrationsDataSource,
			ObjectProvider<MigrationsConnectionDetails> connectionDetails, ObjectProvider<JavaRevision> javaRevisions,
			ObjectProvider<MigrationListener> listeners, ObjectProvider<MigrationsConfigurationCustomizer> customizers,
			MigrationsRevisionReader revisionReader) {
		MigrationConfiguration.Builder configuration = MigrationConfiguration.builder();
		configureConnection(configuration, properties, migrationsDataSource.getIfAvailable(),
				connectionDetails.getIfAvailable(), dataSource.getIfUnique());
		configureProperties(configuration, properties);
		configuration.classLoader(resourceLoader.getClassLoader());
		configuration.javaRevisions(javaRevisions(javaRevisions.orderedStream().toList(),
				properties.getJavaRevisionPackages(), resourceLoader.getClassLoader(), revisionReader));
		configuration
			.listeners(Stream.concat(Stream.of(new LoggingMigrationListener("")), listeners.orderedStream()).toList());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(configuration));
		MigrationConfiguration built = configuration.build();
		return Migrations.create(built, revisionReader.revisions(built.locations(), built.classLoader()));
	}

	/** The startup work: of one Migrations bean, of several, or of a fleet's schemas. */
	@Bean
	@ConditionalOnMissingBean
	MigrationsInitializer migrationsInitializer(ConfigurableListableBeanFactory beanFactory,
			MigrationsProperties properties, ObjectProvider<MigrationStrategy> migrationStrategy) {
		MigrationsInstances instances = MigrationsInstances.of(beanFactory);
		if (!instances.names().isEmpty()) {
			Fleet fleet = instances.schemas()
					? Fleet.of(beanFactory.getBean(Migrations.class)).parallelism(properties.getParallelism()) : null;
			return MigrationsInitializer.of(instances,
					(migrations) -> migrationsInitializer(migrations, properties, migrationStrategy), fleet);
		}
		MigrationsInitializer initializer = migrationsInitializer(instances.get(null), properties, migrationStrategy);
		if (migrationStrategy.getIfAvailable() == null) {
			// runs while other beans are created; an application's strategy runs in place
			initializer.setBootstrapExecutor(beanFactory.getBootstrapExecutor());
		}
		return initializer;
	}

	/** Awaited by beans that depend on database initialization (lazy: by them only). */
	@Bean
	@Lazy
	@ConditionalOnSingleCandidate(MigrationsInitializer.class)
	MigrationsInitializer.Completion migrationsInitializerCompletion(MigrationsInitializer initializer) {
		return initializer.awaitStartup();
	}

	private static MigrationsInitializer migrationsInitializer(Migrations migrations, MigrationsProperties properties,
			ObjectProvider<MigrationStrategy> migrationStrategy) {
		MigrationsInitializer initializer = new MigrationsInitializer(migrations, migrationStrategy.getIfAvailable(),
				properties.getTarget());
		initializer.setRunOnStartup(properties.isRunOnStartup());
		initializer.setFailOnPending(properties.isFailOnPending());
		initializer.setAsync(properties.isAsync());
		return initializer;
	}

	/** The schemas of migrations.schemas, resolved once at startup: each an instance. */
	@Bean
	@ConditionalOnProperty("migrations.schemas")
	@Conditional(MigrationsInstances.One.class)
	MigrationsInstances migrationsSchemaInstances(Migrations migrations, MigrationsProperties properties) {
		Fleet fleet = Fleet.of(migrations);
		Map<String, Migrations> schemas = new LinkedHashMap<>();
		for (FleetTarget schema : fleet.schemas(properties.getSchemas())) {
			schemas.put(schema.name(), fleet.migrations(schema,
					LoggingMigrationListener.forSchema(migrations.configuration().listeners(), schema.name())));
		}
		if (schemas.isEmpty()) {
			throw new MigrationException("migrations.schemas '" + properties.getSchemas() + "' matches no schema of "
					+ migrations.database() + ". Nothing was run. Create the tenant schemas before the application "
					+ "starts, or correct migrations.schemas.");
		}
		return new MigrationsInstances(schemas, schemas.keySet().iterator().next(), true);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnSingleCandidate(Migrations.class)
	MigrationsSchemaCheck migrationsSchemaCheck(Migrations migrations, MigrationsProperties properties,
			ResourceLoader resourceLoader) {
		return new MigrationsSchemaCheck(migrations, resourceLoader, properties.getTargetSchema());
	}

	private static void configureConnection(MigrationConfiguration.Builder configuration,
			MigrationsProperties properties, DataSource migrationsDataSource, MigrationsConnectionDetails details,
			DataSource dataSource) {
		if (migrationsDataSource != null) {
			configuration.dataSource(migrationsDataSource);
		}
		else if (details != null) {
			// @ServiceConnection or Docker Compose: where the application really runs
			configuration.url(details.getJdbcUrl()).user(details.getUsername()).password(details.getPassword());
		}
		else if (StringUtils.hasText(properties.getUrl())) {
			configuration.url(properties.getUrl()).user(properties.getUser()).password(properties.getPassword());
		}
		else {
			Assert.state(dataSource != null, "No unique DataSource for migrations: mark one with @MigrationsDataSource"
					+ " or set migrations.url");
			// migrations.user alone: the same database, as a user allowed to run DDL
			configuration
				.dataSource(!StringUtils.hasText(properties.getUser()) ? applicationDataSource(dataSource, properties)
						: DataSourceBuilder.derivedFrom(dataSource)
							.type(SimpleDriverDataSource.class)
							.username(properties.getUser())
							.password(properties.getPassword())
							.build());
		}
	}

	/**
	 * The application's pool, or connections without it until it starts (one database: a
	 * fleet of schemas takes a connection per schema, which the pool keeps).
	 */
	private static DataSource applicationDataSource(DataSource dataSource, MigrationsProperties properties) {
		return (properties.getSchemas() == null && ClassUtils.isPresent(HIKARI_DATA_SOURCE, null))
				? UnstartedPoolDataSource.of(dataSource) : dataSource;
	}

	private static void configureProperties(MigrationConfiguration.Builder configuration,
			MigrationsProperties properties) {
		PropertyMapper map = PropertyMapper.get();
		MigrationConfiguration connection = configuration.build();
		map.from(properties.getLocations())
			.as((locations) -> locations.stream().map(connection::resolveVendor).toList())
			.to(configuration::locations);
		map.from(properties.getSchema()).when(StringUtils::hasText).to(configuration::schema);
		map.from(properties.getVersionTable()).to(configuration::versionTable);
		map.from(properties.getHistoryTable()).to(configuration::historyTable);
		map.from(properties.getLockTimeout()).to(configuration::lockTimeout);
		map.from(properties.isValidateChecksums()).to(configuration::validateChecksums);
		map.from(properties.isIgnoreUnknownRevisions()).to(configuration::ignoreUnknownRevisions);
		map.from(properties.getConnectRetries()).to(configuration::connectRetries);
		map.from(properties.getInitSqls()).to(configuration::initSqls);
	}

	private static List<JavaRevision> javaRevisions(List<JavaRevision> beans, List<String> packages,
			ClassLoader classLoader, MigrationsRevisionReader reader) {
		List<JavaRevision> revisions = new ArrayList<>(beans);
		Set<Class<?>> known = new LinkedHashSet<>();
		beans.forEach((bean) -> known.add(ClassUtils.getUserClass(bean)));
		for (String basePackage : packages) {
			for (String name : reader.javaRevisions(basePackage)) {
				Class<?> type = ClassUtils.resolveClassName(name, classLoader);
				if (known.add(type)) {
					revisions.add((JavaRevision) BeanUtils.instantiateClass(type));
				}
			}
		}
		return revisions;
	}

	static final class MigrationsDataSourceCondition extends AnyNestedCondition {

		MigrationsDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnProperty("migrations.url")
		private static final class MigrationsUrlCondition {

		}

		/** The application's own Migrations beans, each with its connection. */
		@ConditionalOnBean(Migrations.class)
		private static final class MigrationsBeanCondition {

		}

		@ConditionalOnBean(MigrationsConnectionDetails.class)
		private static final class ConnectionDetailsCondition {

		}

	}

}
