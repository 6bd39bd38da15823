package dev.migration.autoconfigure.aot;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.migration.ClasspathLister;
import dev.migration.JavaRevision;
import dev.migration.RevisionIndex;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.StringUtils;

/**
 * Lists {@code classpath:} revision locations through Spring's resource resolution, which
 * also serves a native image's {@code resource:} URLs and Spring Boot's nested jars, or
 * from the {@link RevisionIndex} written at build time when the application runs with
 * AOT; and scans packages for Java revisions, at build time and on the JVM without AOT.
 */
public final class SpringClasspathLister implements ClasspathLister {

	private final ResourcePatternResolver resolver;

	private final RevisionIndex index;

	/**
	 * A lister that resolves resources, or reads them from an index.
	 * @param resolver the application's resource resolution
	 * @param index what AOT found at build time, or {@code null}
	 */
	public SpringClasspathLister(ResourcePatternResolver resolver, RevisionIndex index) {
		this.resolver = resolver;
		this.index = index;
	}

	/**
	 * The classes implementing {@link JavaRevision} in a package and below, as Spring's
	 * component scanning finds them.
	 * @param resourceLoader the class path to scan
	 * @param basePackage the package
	 * @return the class names, in the order the scan found them
	 */
	public static List<String> javaRevisions(ResourceLoader resourceLoader, String basePackage) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.setResourceLoader(resourceLoader);
		scanner.addIncludeFilter(new AssignableTypeFilter(JavaRevision.class));
		return scanner.findCandidateComponents(basePackage).stream().map(BeanDefinition::getBeanClassName).toList();
	}

	@Override
	public List<Entry> list(String path) throws IOException {
		List<Entry> indexed = (this.index != null) ? this.index.list(path) : null;
		if (indexed != null) {
			return indexed;
		}
		Resource[] files = this.resolver
			.getResources(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX + path + "/**/*.sql");
		if (files.length == 0) {
			// the engine says by name that the location does not exist, or lists an empty
			// one
			return null;
		}
		Resource[] roots = this.resolver.getResources(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX + path + "/");
		List<Entry> entries = new ArrayList<>(files.length);
		for (Resource file : files) {
			URL url = file.getURL();
			// a URL's path is percent-encoded; the name is the file's as the engine's own
			// listing gives it
			entries.add(new Entry(
					StringUtils.uriDecode(relativeName(path, url.toString(), roots), StandardCharsets.UTF_8), url));
		}
		return entries;
	}

	/** The file's path below the root of the location it was found in. */
	static String relativeName(String path, String url, Resource[] roots) throws IOException {
		for (Resource root : roots) {
			String prefix = root.getURL().toString();
			prefix = prefix.endsWith("/") ? prefix : prefix + "/";
			if (url.startsWith(prefix)) {
				return url.substring(prefix.length());
			}
		}
		// a root that the class loader did not list as a directory (a jar without
		// directory entries)
		int at = url.lastIndexOf("/" + path + "/");
		return (at >= 0) ? url.substring(at + path.length() + 2) : url.substring(url.lastIndexOf('/') + 1);
	}

}
