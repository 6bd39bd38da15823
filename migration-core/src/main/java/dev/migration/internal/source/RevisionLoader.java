package dev.migration.internal.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import dev.migration.LocationNotFoundException;
import dev.migration.MigrationException;
import dev.migration.RevisionParseException;
import dev.migration.internal.revision.Revision;

/**
 * Loads the SQL revision files of configured locations: {@code classpath:db/revisions},
 * {@code filesystem:/some/dir}, or a plain directory path. Every {@code *.sql} file below a location is one revision.
 */
public final class RevisionLoader {

	private static final String CLASSPATH_PREFIX = "classpath:";

	private static final String FILESYSTEM_PREFIX = "filesystem:";

	private static final String SQL_SUFFIX = ".sql";

	private final ClassLoader classLoader;

	private final List<Revision> revisions = new ArrayList<>();

	private RevisionLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * Reads and parses every SQL revision file of the locations.
	 * @param locations where to look
	 * @param classLoader the class loader for {@code classpath:} locations
	 * @return the revisions, sorted by their location so that every run sees the same order
	 * @throws LocationNotFoundException when a location does not exist or is not a directory
	 * @throws RevisionParseException when a file is malformed or not UTF-8
	 */
	public static List<Revision> load(List<String> locations, ClassLoader classLoader) {
		RevisionLoader loader = new RevisionLoader(classLoader);
		for (String location : locations) {
			loader.loadLocation(location);
		}
		List<Revision> revisions = new ArrayList<>(loader.revisions);
		revisions.sort(Comparator.comparing(Revision::location));
		return Collections.unmodifiableList(revisions);
	}

	private void loadLocation(String location) {
		try {
			if (location.startsWith(CLASSPATH_PREFIX)) {
				loadClasspath(location, trimSlashes(location.substring(CLASSPATH_PREFIX.length())));
			}
			else {
				String path = location.startsWith(FILESYSTEM_PREFIX) ? location.substring(FILESYSTEM_PREFIX.length())
						: location;
				loadDirectory(location, Path.of(path));
			}
		}
		catch (IOException ex) {
			throw new MigrationException(
					"Could not read revisions from '" + location + "': " + ex.getMessage() + ". Nothing was run.", ex);
		}
	}

	private void loadDirectory(String location, Path directory) throws IOException {
		if (!Files.exists(directory)) {
			throw new LocationNotFoundException(location, "no directory " + directory.toAbsolutePath());
		}
		if (!Files.isDirectory(directory)) {
			throw new LocationNotFoundException(location,
					directory.toAbsolutePath() + " is a file; point the location at the directory that holds the .sql files");
		}
		// walk the real directory so that a symbolic link as the location itself is followed
		Path root = directory.toRealPath();
		for (Path file : sqlFiles(root)) {
			Path shown = directory.resolve(root.relativize(file));
			add(readablePath(shown), Files.readAllBytes(file));
		}
	}

	private void loadClasspath(String location, String path) throws IOException {
		// a class loader that sees a jar or directory twice (parent and child) would report it twice
		Map<String, URL> roots = new LinkedHashMap<>();
		for (URL url : Collections.list(this.classLoader.getResources(path))) {
			roots.putIfAbsent(url.toString(), url);
		}
		if (roots.isEmpty()) {
			throw new LocationNotFoundException(location, "no resource '" + path + "' on the classpath");
		}
		for (URL root : roots.values()) {
			if ("file".equals(root.getProtocol())) {
				loadClasspathDirectory(location, path, root);
			}
			else {
				loadClasspathJar(location, path, root);
			}
		}
	}

	private void loadClasspathDirectory(String location, String path, URL root) throws IOException {
		Path directory = toPath(root);
		if (!Files.isDirectory(directory)) {
			throw new LocationNotFoundException(location,
					root + " is a file; point the location at the directory that holds the .sql files");
		}
		for (Path file : sqlFiles(directory)) {
			add(classpathLocation(path, directory.relativize(file).toString().replace('\\', '/')),
					Files.readAllBytes(file));
		}
	}

	/**
	 * Lists the entries through the connection rather than from the URL's text, so that Spring Boot's nested jars
	 * ({@code jar:nested:/app.jar/!BOOT-INF/classes/!/db/revisions}) work like plain ones.
	 */
	private void loadClasspathJar(String location, String path, URL root) throws IOException {
		URLConnection connection = root.openConnection();
		if (!(connection instanceof JarURLConnection jarConnection)) {
			throw new LocationNotFoundException(location,
					"cannot list the resources of " + root + "; use a directory or a jar on the classpath");
		}
		// without caches the jar file is our own to close, and no stale or locked copy stays behind
		jarConnection.setUseCaches(false);
		try (JarFile jarFile = jarConnection.getJarFile()) {
			String entryName = jarConnection.getEntryName();
			String prefix = (entryName == null || entryName.isEmpty()) ? "" : trimSlashes(entryName) + "/";
			for (JarEntry entry : Collections.list(jarFile.entries())) {
				String name = entry.getName();
				if (!entry.isDirectory() && name.startsWith(prefix) && name.endsWith(SQL_SUFFIX)) {
					try (InputStream content = jarFile.getInputStream(entry)) {
						add(classpathLocation(path, name.substring(prefix.length())), content.readAllBytes());
					}
				}
			}
		}
	}

	private void add(String location, byte[] content) {
		this.revisions.add(SqlRevisionParser.parse(location, decode(location, content)));
	}

	/** Strict UTF-8: a file saved in another encoding fails by name instead of running with garbled text. */
	private static String decode(String location, byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
		}
		catch (CharacterCodingException ex) {
			throw new RevisionParseException(location, 0, "the file is not valid UTF-8: save it as UTF-8");
		}
	}

	private static List<Path> sqlFiles(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(SQL_SUFFIX))
				.filter(Files::isRegularFile)
				.sorted()
				.toList();
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private static Path toPath(URL url) throws IOException {
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new IOException("Unusable resource URL " + url, ex);
		}
	}

	private static String classpathLocation(String path, String relativeName) {
		return CLASSPATH_PREFIX + (path.isEmpty() ? "" : path + "/") + relativeName;
	}

	/** Relative to the working directory when below it, as people type paths; absolute otherwise. */
	private static String readablePath(Path file) {
		Path absolute = file.toAbsolutePath().normalize();
		Path workingDirectory = Path.of("").toAbsolutePath();
		return absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute).toString()
				: absolute.toString();
	}

	private static String trimSlashes(String path) {
		int start = 0;
		int end = path.length();
		while (start < end && path.charAt(start) == '/') {
			start++;
		}
		while (end > start && path.charAt(end - 1) == '/') {
			end--;
		}
		return path.substring(start, end);
	}

}
