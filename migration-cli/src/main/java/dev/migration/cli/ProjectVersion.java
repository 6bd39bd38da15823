package dev.migration.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * What {@code --version} prints: {@code migration <version>}, the project version Maven wrote into a resource when
 * it built the jar (the same in the shaded jar and in the classes folder of a test run).
 */
final class ProjectVersion implements IVersionProvider {

	private static final String RESOURCE = "version.properties";

	@Override
	public String[] getVersion() {
		return new String[] { "migration " + version() };
	}

	static String version() {
		Properties properties = new Properties();
		try (InputStream in = ProjectVersion.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				return "unknown";
			}
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties.getProperty("version", "unknown");
	}

}
