package dev.migration.autoconfigure.aot;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import dev.migration.ClasspathLister;
import dev.migration.RevisionIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Listing classpath locations through Spring's resource resolution and through the AOT
 * index.
 */
class SpringClasspathListerTests {

	@TempDir
	Path directory;

	@Test
	void listsTheSqlFilesBelowALocationInADirectoryAndInAJar() throws IOException {
		Path classes = classes(Map.of("db/revisions/a1_first.sql", "-- a1", "db/revisions/with space/b2_second.sql",
				"-- b2", "db/revisions/notes.txt", "not a revision"));
		Path jar = jar("revisions.jar",
				Map.of("db/revisions/c3_third.sql", "-- c3", "db/revisions/nested/d4_fourth.sql", "-- d4"));
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { classes.toUri().toURL(), jar.toUri().toURL() },
				null)) {
			List<ClasspathLister.Entry> entries = lister(classLoader, null).list("db/revisions");
			assertThat(entries).extracting(ClasspathLister.Entry::name)
				.containsExactlyInAnyOrder("a1_first.sql", "with space/b2_second.sql", "c3_third.sql",
						"nested/d4_fourth.sql");
			for (ClasspathLister.Entry entry : entries) {
				try (var in = entry.url().openStream()) {
					assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("-- ");
				}
			}
			assertThat(lister(classLoader, null).list("db/missing")).isNull();
		}
	}

	@Test
	void takesTheFilesOfAnIndexedLocationFromTheIndexWithoutListing() throws IOException {
		// z9 is not in the index: an application run with AOT runs what was processed at
		// build time
		Path classes = classes(Map.of("db/revisions/a1_first.sql", "-- a1", "db/revisions/z9_later.sql", "-- z9"));
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, null)) {
			RevisionIndex index = RevisionIndex.read("L\tdb/revisions\ta1_first.sql\nL\tdb/gone\tx1_gone.sql\n",
					classLoader);
			assertThat(lister(classLoader, index).list("db/revisions")).extracting(ClasspathLister.Entry::name)
				.containsExactly("a1_first.sql");
			assertThatIOException().isThrownBy(() -> lister(classLoader, index).list("db/gone"))
				.withMessageContaining("classpath:db/gone/x1_gone.sql")
				.withMessageContaining("build the application again");
		}
	}

	private static SpringClasspathLister lister(ClassLoader classLoader, RevisionIndex index) {
		return new SpringClasspathLister(
				new PathMatchingResourcePatternResolver(new DefaultResourceLoader(classLoader)), index);
	}

	/** A class folder with the given files. */
	private Path classes(Map<String, String> files) throws IOException {
		Path classes = this.directory.resolve("classes");
		for (Map.Entry<String, String> file : files.entrySet()) {
			Files.createDirectories(classes.resolve(file.getKey()).getParent());
			Files.writeString(classes.resolve(file.getKey()), file.getValue());
		}
		return classes;
	}

	/**
	 * A jar as Maven builds it, with directory entries (Spring and the class loader find
	 * a location by them).
	 */
	private Path jar(String name, Map<String, String> files) throws IOException {
		Path jar = this.directory.resolve(name);
		java.util.Set<String> written = new java.util.HashSet<>();
		try (JarOutputStream output = new JarOutputStream(Files.newOutputStream(jar))) {
			for (Map.Entry<String, String> file : files.entrySet()) {
				String path = file.getKey();
				for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
					if (written.add(path.substring(0, slash + 1))) {
						output.putNextEntry(new JarEntry(path.substring(0, slash + 1)));
						output.closeEntry();
					}
				}
				output.putNextEntry(new JarEntry(file.getKey()));
				output.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				output.closeEntry();
			}
		}
		return jar;
	}

}
