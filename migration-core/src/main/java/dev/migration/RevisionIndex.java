package dev.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was found at build time (e.g. by Spring AOT): the revision files of each
 * {@code classpath:} location and the Java revisions of each scanned package. Files in a
 * built application cannot change, so an application run from what was processed lists
 * its locations from the index, and a native image, which can neither list directories
 * nor scan packages, still finds its revisions.
 * <p>
 * Written as {@value #RESOURCE}, one line per entry: {@code L<tab>path<tab>file} or
 * {@code J<tab>package<tab>class}.
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

	private final Map<String, List<String>> files;

	private final Map<String, List<String>> javaRevisions;

	private final ClassLoader classLoader;

	private RevisionIndex(Map<String, List<String>> files, Map<String, List<String>> javaRevisions,
			ClassLoader classLoader) {
		this.files = files;
		this.javaRevisions = javaRevisions;
		this.classLoader = (classLoader != null) ? classLoader : RevisionIndex.class.getClassLoader();
	}

	/**
	 * An index to write.
	 * @param files the revision files below each location, by its path without
	 * {@code classpath:} and surrounding slashes
	 * @param javaRevisions the Java revision classes by scanned package
	 * @return the index
	 */
	public static RevisionIndex of(Map<String, List<String>> files, Map<String, List<String>> javaRevisions) {
		return new RevisionIndex(files, javaRevisions, null);
	}

	/**
	 * An index of the revision files of the {@code classpath:} locations among these, as
	 * a lister finds them, {@link MigrationConfiguration#VENDOR_PLACEHOLDER} standing for
	 * each of {@link MigrationConfiguration#VENDORS}; a location the lister does not find
	 * is left out, and the engine lists it itself when it runs.
	 * @param locations as configured
	 * @param lister lists a classpath location, e.g. through a framework's resources
	 * @param javaRevisions the Java revision classes by scanned package
	 * @return the index
	 * @throws IOException when a location cannot be listed
	 */
	public static RevisionIndex of(List<String> locations, ClasspathLister lister,
			Map<String, List<String>> javaRevisions) throws IOException {
		Map<String, List<String>> files = new LinkedHashMap<>();
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
					files.put(resolved, entries.stream().map(Entry::name).sorted().toList());
				}
			}
		}
		return of(files, javaRevisions);
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
		Map<String, List<String>> files = new LinkedHashMap<>();
		Map<String, List<String>> javaRevisions = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			String[] fields = line.split("\t", 3);
			if (fields.length == 3) {
				Map<String, List<String>> target = FILE.equals(fields[0]) ? files : javaRevisions;
				target.computeIfAbsent(fields[1], (key) -> new ArrayList<>()).add(fields[2]);
			}
		}
		return new RevisionIndex(files, javaRevisions, classLoader);
	}

	/** The index as it is written to {@link #RESOURCE}. */
	public String text() {
		StringBuilder text = new StringBuilder();
		this.files.forEach((path, names) -> names
			.forEach((name) -> text.append(FILE).append('\t').append(path).append('\t').append(name).append('\n')));
		this.javaRevisions.forEach((pkg, names) -> names
			.forEach((name) -> text.append(JAVA).append('\t').append(pkg).append('\t').append(name).append('\n')));
		return text.toString();
	}

	/**
	 * The revision files of an indexed location, found through the class loader.
	 * @return the files, or {@code null} when the location was not indexed
	 * @throws IOException when a file the index names is not on the classpath
	 */
	@Override
	public List<Entry> list(String path) throws IOException {
		List<String> names = this.files.get(path);
		if (names == null) {
			return null;
		}
		List<Entry> entries = new ArrayList<>(names.size());
		for (String name : names) {
			URL url = this.classLoader.getResource(path + "/" + name);
			if (url == null) {
				throw new IOException("classpath:" + path + "/" + name + ", named in the revision index written at "
						+ "build time, is not on the classpath; build the application again");
			}
			entries.add(new Entry(name, url));
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

}
