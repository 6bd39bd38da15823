package dev.migration.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.migration.ClasspathLister;
import dev.migration.RevisionIndex;

/**
 * A directory as the classpath of a built application: the revision index written for its
 * locations, as an AOT build writes it, and a class loader that counts how often a
 * revision file is opened.
 */
public final class IndexedClasspath extends URLClassLoader {

	private final AtomicInteger opened = new AtomicInteger();

	private IndexedClasspath(Path root) throws MalformedURLException {
		super(new URL[] { root.toUri().toURL() }, null);
	}

	/** A class loader over the directory. */
	public static IndexedClasspath of(Path root) {
		try {
			return new IndexedClasspath(root);
		}
		catch (MalformedURLException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The index text of the {@code classpath:} locations below the directory, as the
	 * build writes it.
	 */
	public static String index(Path root, List<String> locations) throws IOException {
		ClasspathLister lister = (path) -> {
			try (Stream<Path> files = Files.list(root.resolve(path))) {
				return files.map((file) -> {
					try {
						return new ClasspathLister.Entry(file.getFileName().toString(), file.toUri().toURL());
					}
					catch (MalformedURLException ex) {
						throw new UncheckedIOException(ex);
					}
				}).toList();
			}
		};
		return RevisionIndex.of(locations, lister, Map.of()).text();
	}

	/**
	 * The index as the application reads it at start, its files found through this
	 * loader.
	 */
	public RevisionIndex read(String text) {
		return RevisionIndex.read(text, this);
	}

	/** How many times a revision file was opened. */
	public int opened() {
		return this.opened.get();
	}

	@Override
	public URL getResource(String name) {
		URL url = super.getResource(name);
		if (url == null || !name.endsWith(".sql")) {
			return url;
		}
		try {
			return new URL("counted", null, -1, url.toString(), new URLStreamHandler() {

				@Override
				protected URLConnection openConnection(URL counted) throws IOException {
					IndexedClasspath.this.opened.incrementAndGet();
					return url.openConnection();
				}

			});
		}
		catch (MalformedURLException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
