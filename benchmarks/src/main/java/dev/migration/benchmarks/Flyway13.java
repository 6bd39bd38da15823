package dev.migration.benchmarks;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The class loader of Flyway 13: its two jars from {@code lib-flyway13} (copied there by
 * the build, beside {@code lib} and the benchmark's classes), then the jars of the
 * libraries it uses as this class path has them (Jackson, Commons, SLF4J and Logback, as
 * Flyway 12 logs, the JDBC drivers), and not Flyway 12, whose classes share its packages.
 */
final class Flyway13 {

	/**
	 * One class of each library that Flyway 13 and the JDBC drivers need; their jars go
	 * into its class loader.
	 */
	private static final List<String> NEEDED = List.of("tools.jackson.databind.ObjectMapper",
			"tools.jackson.core.JsonParser", "com.fasterxml.jackson.annotation.JsonProperty",
			"org.apache.commons.text.StringSubstitutor", "org.apache.commons.lang3.StringUtils", "org.slf4j.Logger",
			"ch.qos.logback.classic.Logger", "ch.qos.logback.core.Appender", "org.postgresql.Driver",
			"org.sqlite.JDBC");

	private Flyway13() {
	}

	static ClassLoader classLoader() throws IOException, URISyntaxException {
		Path home = Path.of(Flyway13.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
		Path directory = home.resolve("lib-flyway13");
		Set<URL> urls = new LinkedHashSet<>();
		if (Files.isDirectory(directory)) {
			try (Stream<Path> jars = Files.list(directory)) {
				for (Path jar : jars.sorted().toList()) {
					urls.add(jar.toUri().toURL());
				}
			}
		}
		if (urls.isEmpty()) {
			throw new IOException("No Flyway 13 in " + directory + ": build the benchmarks with mvn");
		}
		List<String> missing = new ArrayList<>();
		for (String name : NEEDED) {
			try {
				CodeSource source = Class.forName(name, false, Flyway13.class.getClassLoader())
					.getProtectionDomain()
					.getCodeSource();
				urls.add(source.getLocation());
			}
			catch (ClassNotFoundException ex) {
				missing.add(name);
			}
		}
		if (!missing.isEmpty()) {
			throw new MalformedURLException("Not on the class path for Flyway 13: " + missing);
		}
		return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
	}

}
