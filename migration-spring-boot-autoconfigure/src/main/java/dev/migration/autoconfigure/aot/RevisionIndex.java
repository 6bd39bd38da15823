package dev.migration.autoconfigure.aot;

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
 * What Spring AOT found at build time ({@link MigrationsAotProcessor}): the revision
 * files of each configured {@code classpath:} location and the Java revisions of each
 * scanned package. Files in a built application cannot change, and an application that
 * runs with AOT runs what was processed, so there it replaces listing directories and
 * scanning packages, neither of which a native image can do.
 * <p>
 * Written as {@value #RESOURCE}, one line per entry: {@code L<tab>path<tab>file} or
 * {@code J<tab>package<tab>class}. Only the code that Spring AOT generates registers it
 * as a bean, so a stale index beside classes run without AOT is never read.
 */
public final class RevisionIndex {

	/**
	 * Where the index is; a native image includes it through
	 * {@link MigrationsAotProcessor}'s resource hint. Not under {@code META-INF}, which
	 * Spring Boot's repackaging moves out of {@code BOOT-INF/classes}.
	 */
	public static final String RESOURCE = "dev/migration/aot-revision-index.txt";

	private static final String FILE = "L";

	private static final String JAVA = "J";

	private final Map<String, List<String>> files;

	private final Map<String, List<String>> javaRevisions;

	RevisionIndex(Map<String, List<String>> files, Map<String, List<String>> javaRevisions) {
		this.files = files;
		this.javaRevisions = javaRevisions;
	}

	/**
	 * Reads the index that Spring AOT wrote; called by the generated code of an
	 * application processed with AOT.
	 * @param classLoader where the index is
	 * @return the index
	 * @throws IllegalStateException when the generated code names an index that is not
	 * there
	 */
	public static RevisionIndex load(ClassLoader classLoader) {
		URL url = (classLoader != null ? classLoader : RevisionIndex.class.getClassLoader()).getResource(RESOURCE);
		if (url == null) {
			throw new IllegalStateException("The revision index " + RESOURCE + " that Spring AOT wrote is not on the "
					+ "classpath: package the output of spring-boot:process-aot with the application");
		}
		try (InputStream in = url.openStream()) {
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the revision index " + url, ex);
		}
	}

	static RevisionIndex parse(String text) {
		Map<String, List<String>> files = new LinkedHashMap<>();
		Map<String, List<String>> javaRevisions = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			String[] fields = line.split("\t", 3);
			if (fields.length == 3) {
				Map<String, List<String>> target = FILE.equals(fields[0]) ? files : javaRevisions;
				target.computeIfAbsent(fields[1], (key) -> new ArrayList<>()).add(fields[2]);
			}
		}
		return new RevisionIndex(files, javaRevisions);
	}

	String write() {
		StringBuilder text = new StringBuilder();
		this.files.forEach((path, names) -> names
			.forEach((name) -> text.append(FILE).append('\t').append(path).append('\t').append(name).append('\n')));
		this.javaRevisions.forEach((pkg, names) -> names
			.forEach((name) -> text.append(JAVA).append('\t').append(pkg).append('\t').append(name).append('\n')));
		return text.toString();
	}

	/**
	 * The revision files below a classpath location.
	 * @param path the location without {@code classpath:} and surrounding slashes
	 * @return their paths below it, or {@code null} when the location was not indexed
	 */
	public List<String> files(String path) {
		return this.files.get(path);
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
