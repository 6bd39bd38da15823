package dev.migration;

import java.io.IOException;
import java.net.URL;
import java.util.List;

/**
 * Lists the SQL revision files below a {@code classpath:} location for the engine, where
 * the class loader alone cannot: a framework's own resource resolution (Spring's
 * {@code ResourcePatternResolver}, which also serves the {@code resource:} URLs of a
 * native image), or an index written at build time.
 */
@FunctionalInterface
public interface ClasspathLister {

	/**
	 * The {@code .sql} files below a classpath directory.
	 * @param path the location without {@code classpath:} and without leading or trailing
	 * slashes ({@code db/revisions})
	 * @return the files, or {@code null} when this lister does not know the location (the
	 * engine then lists it itself, and fails by name when it does not exist)
	 * @throws IOException when the resources cannot be listed
	 */
	List<Entry> list(String path) throws IOException;

	/**
	 * One revision file.
	 *
	 * @param name its path below the location, with {@code /} between folders
	 * ({@code nested/a1_first.sql})
	 * @param url where to read it
	 * @param indexed its checksum and header as the {@link RevisionIndex} written at
	 * build time holds them, or {@code null}: the engine then reads and parses the file
	 * to build the graph
	 */
	record Entry(String name, URL url, String indexed) {

		/** A file the engine reads and parses. */
		public Entry(String name, URL url) {
			this(name, url, null);
		}

	}

}
