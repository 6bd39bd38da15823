package dev.migration;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the Java revisions of a class path (the CLI's {@code --classpath}): every
 * concrete {@link JavaRevision} with a no-argument constructor in the given jars and
 * class folders, loaded by a class loader of their own.
 */
final class ClasspathRevisions {

	private final URLClassLoader classLoader;

	private final List<JavaRevision> revisions;

	private ClasspathRevisions(URLClassLoader classLoader, List<JavaRevision> revisions) {
		this.classLoader = classLoader;
		this.revisions = List.copyOf(revisions);
	}

	static ClasspathRevisions scan(String classpath) {
		List<Path> entries = new ArrayList<>();
		List<URL> urls = new ArrayList<>();
		for (String element : classpath.split(File.pathSeparator)) {
			if (element.isBlank()) {
				continue;
			}
			Path entry = Path.of(element).toAbsolutePath();
			if (!Files.exists(entry)) {
				throw new MigrationException("Classpath entry '" + element + "' does not exist. Nothing was run.");
			}
			entries.add(entry);
			try {
				urls.add(entry.toUri().toURL());
			}
			catch (MalformedURLException ex) {
				throw new MigrationException(
						"Classpath entry '" + element + "' is not a valid path: " + ex.getMessage());
			}
		}
		URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClasspathRevisions.class.getClassLoader());
		List<JavaRevision> found = new ArrayList<>();
		for (Path entry : entries) {
			for (String className : classNames(entry)) {
				JavaRevision revision = instantiate(loader, className);
				if (revision != null) {
					found.add(revision);
				}
			}
		}
		return new ClasspathRevisions(loader, found);
	}

	ClassLoader classLoader() {
		return this.classLoader;
	}

	List<JavaRevision> revisions() {
		return this.revisions;
	}

	private static List<String> classNames(Path entry) {
		List<String> names = new ArrayList<>();
		try {
			if (Files.isDirectory(entry)) {
				try (Stream<Path> files = Files.walk(entry)) {
					files.filter(file -> file.toString().endsWith(".class"))
						.sorted()
						.map(file -> entry.relativize(file).toString().replace(File.separatorChar, '/'))
						.forEach(file -> names.add(className(file)));
				}
			}
			else {
				try (JarFile jar = new JarFile(entry.toFile())) {
					Enumeration<JarEntry> jarEntries = jar.entries();
					while (jarEntries.hasMoreElements()) {
						String name = jarEntries.nextElement().getName();
						if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
							names.add(className(name));
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read classpath entry " + entry + ": " + ex.getMessage(), ex);
		}
		names.removeIf(name -> name.endsWith("module-info") || name.endsWith("package-info"));
		return names;
	}

	private static String className(String resource) {
		return resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
	}

	private static JavaRevision instantiate(ClassLoader loader, String className) {
		Class<?> type;
		try {
			type = Class.forName(className, false, loader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			// a class whose own dependencies are missing cannot be a revision we could
			// run
			return null;
		}
		if (!JavaRevision.class.isAssignableFrom(type) || type.isInterface()
				|| Modifier.isAbstract(type.getModifiers())) {
			return null;
		}
		try {
			Constructor<?> constructor = type.getDeclaredConstructor();
			constructor.setAccessible(true);
			return (JavaRevision) constructor.newInstance();
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new MigrationException("Cannot create Java revision " + className + ": " + ex);
		}
	}

}
