package dev.migration.internal.source;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.IntStream;

import dev.migration.ClasspathLister;
import dev.migration.LocationNotFoundException;
import dev.migration.MigrationException;
import dev.migration.RevisionParseException;
import dev.migration.internal.revision.Revision;

/**
 * Loads the SQL revision files of configured locations: {@code classpath:db/revisions},
 * {@code filesystem:/some/dir}, or a plain directory path. Every {@code *.sql} file below
 * a location is one revision.
 */
public final class RevisionLoader {

	private static final String CLASSPATH_PREFIX = "classpath:";

	private static final String FILESYSTEM_PREFIX = "filesystem:";

	private static final String SQL_SUFFIX = ".sql";

	/** Below this many files a second thread costs more than it saves. */
	private static final int PARALLEL_THRESHOLD = 64;

	/**
	 * On two cores a JVM that has just started spends the second one compiling: a
	 * parallel parse there took as long as a sequential one and twice the CPU, which a
	 * Spring application starting on the main thread pays for.
	 */
	private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 2;

	private final ClassLoader classLoader;

	private final ClasspathLister lister;

	/** Files found so far, parsed together at the end. */
	private final List<Source> sources = new ArrayList<>();

	private RevisionLoader(ClassLoader classLoader, ClasspathLister lister) {
		this.classLoader = classLoader;
		this.lister = lister;
	}

	/**
	 * Reads and parses every SQL revision file of the locations.
	 * @param locations where to look
	 * @param classLoader the class loader for {@code classpath:} locations
	 * @return the revisions, sorted by their location so that every run sees the same
	 * order
	 * @throws LocationNotFoundException when a location does not exist or is not a
	 * directory
	 * @throws RevisionParseException when a file is malformed or not UTF-8
	 */
	public static List<Revision> load(List<String> locations, ClassLoader classLoader) {
		return load(locations, classLoader, null);
	}

	/**
	 * Reads and parses every SQL revision file of the locations, {@code classpath:} ones
	 * as the lister lists them.
	 * @param locations where to look
	 * @param classLoader the class loader for {@code classpath:} locations the lister
	 * does not know
	 * @param lister lists {@code classpath:} locations first, or {@code null}
	 * @return the revisions, sorted by their location so that every run sees the same
	 * order
	 */
	public static List<Revision> load(List<String> locations, ClassLoader classLoader, ClasspathLister lister) {
		RevisionLoader loader = new RevisionLoader(classLoader, lister);
		for (String location : locations) {
			loader.loadLocation(location);
		}
		List<Revision> revisions = new ArrayList<>(parse(loader.sources));
		revisions.sort(Comparator.comparing(Revision::location));
		return Collections.unmodifiableList(revisions);
	}

	/**
	 * Reads and parses the files on all cores when there are many and more than two
	 * cores: a service checks at every start that its thousand revisions are applied, and
	 * in a JVM that has just started that is mostly this loop. The first failure in file
	 * order is the one reported, whatever thread met it first.
	 */
	private static List<Revision> parse(List<Source> sources) {
		Object[] results = new Object[sources.size()];
		IntStream indexes = IntStream.range(0, sources.size());
		(PARALLEL && sources.size() >= PARALLEL_THRESHOLD ? indexes.parallel() : indexes).forEach((index) -> {
			try {
				results[index] = sources.get(index).parse();
			}
			catch (RuntimeException ex) {
				results[index] = ex;
			}
		});
		List<Revision> revisions = new ArrayList<>(results.length);
		for (Object result : results) {
			if (result instanceof RuntimeException failure) {
				throw failure;
			}
			revisions.add((Revision) result);
		}
		return revisions;
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
			throw new LocationNotFoundException(location, directory.toAbsolutePath()
					+ " is a file; point the location at the directory that holds the .sql files");
		}
		// walk the real directory so that a symbolic link as the location itself is
		// followed
		Path root = directory.toRealPath();
		Path workingDirectory = Path.of("").toAbsolutePath();
		Path absolute = directory.toAbsolutePath().normalize();
		// the shown path of each file is the directory's plus the file's relative path;
		// only when the working
		// directory lies inside the location can a file's be shorter, and then each
		// file's is worked out alone
		Path shownDirectory = absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute)
				: workingDirectory.startsWith(absolute) ? null : absolute;
		for (Path file : sqlFiles(root)) {
			Path relative = root.relativize(file);
			String shown = (shownDirectory != null) ? shownDirectory.resolve(relative).toString()
					: readablePath(directory.resolve(relative));
			this.sources.add(new Source(shown, file, null, null));
		}
	}

	private void loadClasspath(String location, String path) throws IOException {
		List<ClasspathLister.Entry> listed = (this.lister != null) ? this.lister.list(path) : null;
		if (listed != null) {
			for (ClasspathLister.Entry entry : listed) {
				this.sources
					.add(new Source(classpathLocation(path, entry.name()), null, null, entry.url(), entry.indexed()));
			}
			return;
		}
		// a class loader that sees a jar or directory twice (parent and child) would
		// report it twice
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
			else if ("jar".equals(root.getProtocol())) {
				loadClasspathJar(location, path, root);
			}
			else {
				loadClasspathFileSystem(location, path, root);
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
			this.sources
				.add(new Source(classpathLocation(path, directory.relativize(file).toString().replace('\\', '/')), file,
						null, null));
		}
	}

	/**
	 * Lists the entries through the connection rather than from the URL's text, so that
	 * Spring Boot's nested jars
	 * ({@code jar:nested:/app.jar/!BOOT-INF/classes/!/db/revisions}) work like plain
	 * ones.
	 */
	private void loadClasspathJar(String location, String path, URL root) throws IOException {
		URLConnection connection = root.openConnection();
		if (!(connection instanceof JarURLConnection jarConnection)) {
			throw new LocationNotFoundException(location,
					"cannot list the resources of " + root + "; use a directory or a jar on the classpath");
		}
		// without caches the jar file is our own to close, and no stale or locked copy
		// stays behind
		jarConnection.setUseCaches(false);
		try (JarFile jarFile = jarConnection.getJarFile()) {
			String entryName = jarConnection.getEntryName();
			String prefix = (entryName == null || entryName.isEmpty()) ? "" : trimSlashes(entryName) + "/";
			for (JarEntry entry : Collections.list(jarFile.entries())) {
				String name = entry.getName();
				if (!entry.isDirectory() && name.startsWith(prefix) && name.endsWith(SQL_SUFFIX)) {
					// read here, while the jar is open; parsed with the others
					try (InputStream content = jarFile.getInputStream(entry)) {
						this.sources.add(new Source(classpathLocation(path, name.substring(prefix.length())), null,
								content.readAllBytes(), null));
					}
				}
			}
		}
	}

	/**
	 * Any other URL (a native image's {@code resource:}) through the file system its
	 * provider offers, as Spring's resource resolution lists it.
	 */
	private void loadClasspathFileSystem(String location, String path, URL root) throws IOException {
		Path directory;
		try {
			URI uri = root.toURI();
			try {
				directory = Path.of(uri);
			}
			catch (FileSystemNotFoundException ex) {
				// not closed: the paths are read later, and a provider's file system
				// lives as long as the JVM anyway
				directory = FileSystems.newFileSystem(uri, Map.of()).provider().getPath(uri);
			}
		}
		catch (URISyntaxException | IllegalArgumentException | UnsupportedOperationException ex) {
			throw new LocationNotFoundException(location,
					"cannot list the resources of " + root + "; use a directory or a jar on the classpath");
		}
		if (!Files.isDirectory(directory)) {
			throw new LocationNotFoundException(location,
					root + " is a file; point the location at the directory that holds the .sql files");
		}
		for (Path file : sqlFiles(directory)) {
			String name = directory.relativize(file).toString().replace('\\', '/');
			this.sources.add(new Source(classpathLocation(path, name), null, Files.readAllBytes(file), null));
		}
	}

	/**
	 * Strict UTF-8: a file saved in another encoding fails by name and line instead of
	 * running with garbled text. A byte-order mark stays for the parser, which drops it.
	 */
	static String decode(String location, byte[] content) {
		String text = new String(content, StandardCharsets.UTF_8);
		// the lenient decoder is the fast one; what it replaced shows as U+FFFD, which a
		// file may also hold itself
		if (text.indexOf('\uFFFD') < 0) {
			return text;
		}
		ByteBuffer in = ByteBuffer.wrap(content);
		CharBuffer out = CharBuffer.allocate(content.length);
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			decoder.flush(out);
			return out.flip().toString();
		}
		throw notUtf8(location, content, in.position());
	}

	/**
	 * Names the line of the first byte that is not UTF-8 (the decoder leaves its position
	 * there).
	 */
	private static RevisionParseException notUtf8(String location, byte[] content, int badByte) {
		boolean utf16 = content.length >= 2 && ((content[0] == (byte) 0xFF && content[1] == (byte) 0xFE)
				|| (content[0] == (byte) 0xFE && content[1] == (byte) 0xFF));
		if (utf16) {
			return new RevisionParseException(location, 1,
					"the file is UTF-16 (it starts with a UTF-16 byte-order " + "mark), not UTF-8: save it as UTF-8");
		}
		int line = 1;
		for (int index = 0; index < badByte; index++) {
			if (content[index] == '\n'
					|| (content[index] == '\r' && (index + 1 >= content.length || content[index + 1] != '\n'))) {
				line++;
			}
		}
		return new RevisionParseException(location, line, String.format(Locale.ROOT, "the file is not UTF-8: the "
				+ "byte 0x%02X on this line is not valid UTF-8 there (a file saved as Windows-1252 or ISO-8859-1 "
				+ "looks so); save the file as UTF-8", content[badByte] & 0xFF));
	}

	/**
	 * Every {@code .sql} file below the directory, sorted. A name that ends in
	 * {@code .sql} is taken for a file without asking the file system (a {@code stat} per
	 * file was half of listing 10,000 of them), so a directory or a dangling link with
	 * such a name fails when it is read, by name; other entries are only looked at to
	 * descend into subdirectories (not through symbolic links).
	 */
	private static List<Path> sqlFiles(Path directory) throws IOException {
		List<Path> files = new ArrayList<>();
		collectSqlFiles(directory, files);
		Collections.sort(files);
		return files;
	}

	private static void collectSqlFiles(Path directory, List<Path> files) throws IOException {
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
			for (Path entry : entries) {
				if (entry.getFileName().toString().endsWith(SQL_SUFFIX)) {
					files.add(entry);
				}
				else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
					collectSqlFiles(entry, files);
				}
			}
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

	/**
	 * Relative to the working directory when below it, as people type paths; absolute
	 * otherwise.
	 */
	private static String readablePath(Path file) {
		Path absolute = file.toAbsolutePath().normalize();
		Path workingDirectory = Path.of("").toAbsolutePath();
		return absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute).toString()
				: absolute.toString();
	}

	/**
	 * One revision file: a file to read, the content already read from a jar, or a URL a
	 * lister gave, with what the build's revision index holds of it, if anything.
	 */
	private record Source(String location, Path file, byte[] content, URL url, String indexed) {

		Source(String location, Path file, byte[] content, URL url) {
			this(location, file, content, url, null);
		}

		Revision parse() {
			if (this.indexed != null) {
				return IndexedRevision.revision(this.location, this.url, this.indexed);
			}
			byte[] bytes = this.content;
			if (bytes == null && this.url != null) {
				bytes = read(this.location, this.url);
			}
			if (bytes == null) {
				// a FileInputStream costs a JVM that has just started less than Files'
				// channel (measured)
				try (InputStream in = new FileInputStream(this.file.toFile())) {
					bytes = in.readAllBytes();
				}
				catch (IOException ex) {
					if (Files.isDirectory(this.file)) {
						throw new MigrationException("Could not read revision " + this.location
								+ ": it is a directory. Every name that ends in .sql below a location is read as a"
								+ " revision file: rename the directory. Nothing was run.", ex);
					}
					throw new MigrationException(
							"Could not read revision " + this.location + ": " + ex.getMessage() + ". Nothing was run.",
							ex);
				}
			}
			return parseContent(this.location, bytes);
		}

	}

	/** A revision file's content: strict UTF-8, then parsed. */
	static Revision parseContent(String location, byte[] content) {
		return SqlRevisionParser.parse(location, content, decode(location, content));
	}

	/** The content of a revision file a lister or the index named. */
	static byte[] read(String location, URL url) {
		// a file: URL as a file, which a JVM that has just started reads faster than
		// through a URLConnection
		try (InputStream in = "file".equals(url.getProtocol()) ? new FileInputStream(toPath(url).toFile())
				: url.openStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new MigrationException(
					"Could not read revision " + location + " (" + url + "): " + ex.getMessage() + ". Nothing was run.",
					ex);
		}
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
