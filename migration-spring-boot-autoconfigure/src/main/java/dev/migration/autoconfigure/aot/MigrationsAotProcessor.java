package dev.migration.autoconfigure.aot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.lang.model.element.Modifier;

import dev.migration.MigrationConfiguration;
import dev.migration.RevisionIndex;
import dev.migration.autoconfigure.MigrationsProperties;

import org.springframework.aot.generate.GeneratedMethod;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * At build time, when Spring AOT processes an application whose migrations
 * auto-configuration matched: registers the runtime hints a native image needs for the
 * configured locations (their revision files and the target schema) and for the Java
 * revisions found by scanning, and writes the {@link RevisionIndex} of both (with each
 * file's checksum and header), which the generated code registers, so that the
 * application run with AOT neither lists directories, scans packages nor reads a revision
 * file it does not run.
 */
public final class MigrationsAotProcessor implements BeanFactoryInitializationAotProcessor {

	private static final String VENDOR_PLACEHOLDER = MigrationConfiguration.VENDOR_PLACEHOLDER;

	@Override
	public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory.getBeanNamesForType(MigrationsRevisionReader.class, true, false).length == 0
				|| !beanFactory.containsBean("environment")) {
			// the auto-configuration did not match: nothing to do
			return null;
		}
		Environment environment = beanFactory.getBean("environment", Environment.class);
		MigrationsProperties properties = Binder.get(environment)
			.bindOrCreate("migrations", MigrationsProperties.class);
		ClassLoader classLoader = (beanFactory.getBeanClassLoader() != null) ? beanFactory.getBeanClassLoader()
				: ClassUtils.getDefaultClassLoader();
		return new Contribution(properties, classLoader);
	}

	private record Contribution(MigrationsProperties properties,
			ClassLoader classLoader) implements BeanFactoryInitializationAotContribution {

		@Override
		public void applyTo(GenerationContext generationContext, BeanFactoryInitializationCode code) {
			RuntimeHints hints = generationContext.getRuntimeHints();
			for (String location : this.properties.getLocations()) {
				String path = RevisionIndex.classpathPath(location);
				if (path != null) {
					hints.resources().registerPattern(path.replace(VENDOR_PLACEHOLDER, "*") + "/**/*.sql");
				}
			}
			String targetSchema = RevisionIndex.classpathPath(this.properties.getTargetSchema());
			if (targetSchema != null) {
				hints.resources().registerPattern(targetSchema.replace(VENDOR_PLACEHOLDER, "*"));
			}
			Map<String, List<String>> javaRevisions = new LinkedHashMap<>();
			for (String basePackage : this.properties.getJavaRevisionPackages()) {
				List<String> names = SpringClasspathLister.javaRevisions(new DefaultResourceLoader(this.classLoader),
						basePackage);
				javaRevisions.put(basePackage, names);
				for (String name : names) {
					hints.reflection()
						.registerType(ClassUtils.resolveClassName(name, this.classLoader),
								MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
				}
			}
			hints.resources().registerPattern(RevisionIndex.RESOURCE);
			generationContext.getGeneratedFiles()
				.addResourceFile(RevisionIndex.RESOURCE,
						new ByteArrayResource(index(javaRevisions).text().getBytes(StandardCharsets.UTF_8)));
			GeneratedMethod method = code.getMethods()
				.add("registerMigrationsRevisionIndex", (builder) -> builder
					.addJavadoc("Registers the revision index that Spring AOT wrote for the migrations.")
					.addModifiers(Modifier.PUBLIC, Modifier.STATIC)
					.addParameter(DefaultListableBeanFactory.class, "beanFactory")
					.addStatement("beanFactory.registerSingleton($S, $T.load(beanFactory.getBeanClassLoader()))",
							MigrationsRevisionReader.INDEX_BEAN_NAME, RevisionIndex.class));
			code.addInitializer(method.toMethodReference());
		}

		private RevisionIndex index(Map<String, List<String>> javaRevisions) {
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
					new DefaultResourceLoader(this.classLoader));
			try {
				return RevisionIndex.of(this.properties.getLocations(), new SpringClasspathLister(resolver, null),
						javaRevisions);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not list the revisions of " + this.properties.getLocations(), ex);
			}
		}

	}

}
