package dev.migration.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * What {@code --version} prints: {@code migration <version>}, the project version Maven
 * wrote into a resource when it built the jar (the same in the shaded jar and in the
 * classes folder of a test run).
 */
final class ProjectVersion implements IVersionProvider {

	@Override
	public String[] getVersion() throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ProjectVersion.class.getResourceAsStream("version.properties")) {
			if (in != null) {
				properties.load(in);
			}
		}
		return new String[] { "migration " + properties.getProperty("version", "unknown") };
	}

}
