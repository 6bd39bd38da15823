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
