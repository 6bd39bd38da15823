package dev.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was found at build time (e.g. by Spring AOT): the revision files of each
 * {@code classpath:} location, with each file's checksum and header, and the Java
 * revisions of each scanned package. Files in a built application cannot change, so an
 * application run from what was processed lists its locations and builds its graph from
 * the index, reading a file only to run or show its statements (and failing when the file
 * is no longer the one indexed); and a native image, which can neither list directories
 * nor scan packages, still finds its revisions.
 * <p>
 * Written as {@value #RESOURCE}: a first line {@code V<tab>2} (the format), then one line
 * per entry: {@code L<tab>path<tab>file<tab>checksum and header} or
 * {@code J<tab>package<tab>class}. An index without the first line (format 1) lists the
 * files only, and the engine reads them as it does without an index.
 */
public final class RevisionIndex implements ClasspathLister {

	/**
	 * Where the index is on the classpath. Not under {@code META-INF}, which Spring
	 * Boot's repackaging moves out of {@code BOOT-INF/classes}.
	 */
	public static final String RESOURCE = "dev/migration/aot-revision-index.txt";

	private static final String CLASSPATH = "classpath:";

	private static final String FILE = "L";

	private static final String JAVA = "J";

	private static final String FORMAT = "V\t2";

	private final Map<String, List<IndexedFile>> files;

	private final Map<String, List<String>> javaRevisions;

	private final ResourceLookUp lookUp;

	private RevisionIndex(Map<String, List<IndexedFile>> files, Map<String, List<String>> javaRevisions,
			ClassLoader classLoader) {
		this.files = files;
		this.javaRevisions = javaRevisions;
		this.lookUp = new ResourceLookUp((classLoader != null) ? classLoader : RevisionIndex.class.getClassLoader());
	}

	/**
	 * An index that lists files only, as format 1 did: the engine reads them.
	 * @param files the revision files below each location, by its path without
	 * {@code classpath:} and surrounding slashes
	 * @param javaRevisions the Java revision classes by scanned package
	 * @return the index
	 */
	public static RevisionIndex of(Map<String, List<String>> files, Map<String, List<String>> javaRevisions) {
		Map<String, List<IndexedFile>> listed = new LinkedHashMap<>();
		files.forEach(
				(path, names) -> listed.put(path, names.stream().map((name) -> new IndexedFile(name, null)).toList()));
		return new RevisionIndex(listed, javaRevisions, null);
	}

	/**
	 * An index of the revision files of the {@code classpath:} locations among these, as
	 * a lister finds them, {@link MigrationConfiguration#VENDOR_PLACEHOLDER} standing for
	 * each of {@link MigrationConfiguration#VENDORS}; a location the lister does not find
	 * is left out, and the engine lists it itself when it runs. Each file is read and
	 * parsed for its checksum and header; a file that cannot be is listed only, so that
	 * the engine reads it when it runs and reports it as it does without an index.
	 * @param locations as configured
	 * @param lister lists a classpath location, e.g. through a framework's resources
	 * @param javaRevisions the Java revision classes by scanned package
	 * @return the index
	 * @throws IOException when a location cannot be listed
	 */
	public static RevisionIndex of(List<String> locations, ClasspathLister lister,
			Map<String, List<String>> javaRevisions) throws IOException {
		Map<String, List<IndexedFile>> files = new LinkedHashMap<>();
		for (String location : locations) {
			String path = classpathPath(location);
			List<String> paths = (path == null) ? List.of()
					: !path.contains(MigrationConfiguration.VENDOR_PLACEHOLDER) ? List.of(path)
							: MigrationConfiguration.VENDORS.stream()
								.map((vendor) -> path.replace(MigrationConfiguration.VENDOR_PLACEHOLDER, vendor))
								.toList();
			for (String resolved : paths) {
				List<Entry> entries = lister.list(resolved);
				if (entries != null) {
					files.put(resolved, entries.stream()
						.sorted(Comparator.comparing(Entry::name))
						.map((entry) -> new IndexedFile(entry.name(),
								describe(CLASSPATH + (resolved.isEmpty() ? "" : resolved + "/") + entry.name(), entry)))
						.toList());
				}
			}
		}
		return new RevisionIndex(files, javaRevisions, null);
	}

	/**
	 * A file's checksum and header, or {@code null} when it cannot be read or parsed: a
	 * build must not fail on a revision's text, which the engine reports with its file
	 * and line when it runs.
	 */
	private static String describe(String location, Entry entry) {
		try {
			return Migrations.describeSqlRevision(location, entry.url());
		}
		catch (MigrationException | UncheckedIOException ex) {
			return null;
		}
	}

	/**
	 * A {@code classpath:} location or resource as the index names it: without the prefix
	 * and surrounding slashes.
	 * @param location a location, or {@code null}
	 * @return the path, or {@code null} when the location is not on the classpath
	 */
	public static String classpathPath(String location) {
		if (location == null || !location.startsWith(CLASSPATH)) {
			return null;
		}
		return location.substring(CLASSPATH.length()).replaceAll("^/+|/+$", "");
	}

	/**
	 * Reads the index that was written at build time.
	 * @param classLoader where the index and the files it names are
	 * @return the index
	 * @throws IllegalStateException when there is no index on the classpath
	 */
	public static RevisionIndex load(ClassLoader classLoader) {
		ClassLoader loader = (classLoader != null) ? classLoader : RevisionIndex.class.getClassLoader();
		URL url = loader.getResource(RESOURCE);
		if (url == null) {
			throw new IllegalStateException("The revision index " + RESOURCE + " that was written at build time is "
					+ "not on the classpath: package the output of the build's AOT processing with the application");
		}
		try (InputStream in = url.openStream()) {
			return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), loader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the revision index " + url, ex);
		}
	}

	/**
	 * Reads an index from its text.
	 * @param text the index as {@link #text()} writes it
	 * @param classLoader where the files it names are
	 * @return the index
	 */
	public static RevisionIndex read(String text, ClassLoader classLoader) {
		Map<String, List<IndexedFile>> files = new LinkedHashMap<>();
		Map<String, List<String>> javaRevisions = new LinkedHashMap<>();
		// format 1 lists the files only; what a later format adds is ignored too
		boolean headers = text.startsWith(FORMAT + "\n");
		for (String line : text.split("\n")) {
			String[] fields = line.split("\t", 4);
			if (fields.length >= 3 && FILE.equals(fields[0])) {
				files.computeIfAbsent(fields[1], (key) -> new ArrayList<>())
					.add(new IndexedFile(fields[2], (headers && fields.length == 4) ? fields[3] : null));
			}
			else if (fields.length == 3 && JAVA.equals(fields[0])) {
				javaRevisions.computeIfAbsent(fields[1], (key) -> new ArrayList<>()).add(fields[2]);
			}
		}
		return new RevisionIndex(files, javaRevisions, classLoader);
	}

	/** The index as it is written to {@link #RESOURCE}. */
	public String text() {
		StringBuilder text = new StringBuilder(FORMAT).append('\n');
		this.files.forEach((path, indexed) -> indexed.forEach((file) -> {
			text.append(FILE).append('\t').append(path).append('\t').append(file.name());
			if (file.header() != null) {
				text.append('\t').append(file.header());
			}
			text.append('\n');
		}));
		this.javaRevisions.forEach((pkg, names) -> names
			.forEach((name) -> text.append(JAVA).append('\t').append(pkg).append('\t').append(name).append('\n')));
		return text.toString();
	}

	/**
	 * The revision files of an indexed location, with their checksums and headers; a file
	 * that the index describes is looked up in the class loader only when it is read.
	 * @return the files, or {@code null} when the location was not indexed
	 * @throws IOException when a file that the index only lists is not on the classpath
	 */
	@Override
	public List<Entry> list(String path) throws IOException {
		List<IndexedFile> indexed = this.files.get(path);
		if (indexed == null) {
			return null;
		}
		List<Entry> entries = new ArrayList<>(indexed.size());
		for (IndexedFile file : indexed) {
			String resource = path + "/" + file.name();
			URL url = (file.header() != null) ? new URL("classpath", null, -1, resource, this.lookUp)
					: this.lookUp.find(resource);
			entries.add(new Entry(file.name(), url, file.header()));
		}
		return entries;
	}

	/**
	 * The Java revisions found in a package and below it.
	 * @param basePackage a scanned package
	 * @return their class names, or {@code null} when the package was not indexed
	 */
	public List<String> javaRevisions(String basePackage) {
		return this.javaRevisions.get(basePackage);
	}

	/**
	 * One file of a location, with its checksum and header as
	 * {@link ClasspathLister.Entry#indexed()} gives them ({@code null} in format 1).
	 */
	private record IndexedFile(String name, String header) {
	}

	/**
	 * Finds an indexed file in the class loader when it is opened: a lookup per file at
	 * every start would cost more than building the graph from the index.
	 */
	private static final class ResourceLookUp extends URLStreamHandler {

		private final ClassLoader classLoader;

		ResourceLookUp(ClassLoader classLoader) {
			this.classLoader = classLoader;
		}

		URL find(String resource) throws IOException {
			URL url = this.classLoader.getResource(resource);
			if (url == null) {
				throw new IOException("classpath:" + resource + ", named in the revision index written at build time, "
						+ "is not on the classpath; build the application again");
			}
			return url;
		}

		@Override
		protected URLConnection openConnection(URL url) throws IOException {
			return find(url.getFile()).openConnection();
		}

	}

}
