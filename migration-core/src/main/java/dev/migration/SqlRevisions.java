package dev.migration;

import java.util.List;
import java.util.Objects;

/**
 * The SQL revision files of some locations, read and parsed ahead of
 * {@link Migrations#create(MigrationConfiguration, SqlRevisions)}: an application can
 * read them on another thread while it starts, once it knows it will migrate. That thread
 * also builds their graph, which {@code create} takes as it is when there are no Java
 * revisions.
 */
public final class SqlRevisions {

	private final List<String> locations;

	private final ClassLoader classLoader;

	/**
	 * The engine's parsed revisions, opaque here: only {@link Migrations} knows their
	 * type.
	 */
	private final List<?> revisions;

	/**
	 * The graph of these revisions alone, opaque here too, or {@code null} when it breaks
	 * a rule (Java revisions may complete it; else {@code create} reports what is wrong).
	 */
	private final Object graph;

	private SqlRevisions(List<String> locations, ClassLoader classLoader, List<?> revisions) {
		this.locations = locations;
		this.classLoader = classLoader;
		this.revisions = revisions;
		this.graph = Migrations.sqlGraph(revisions);
	}

	/**
	 * Reads and parses every SQL revision file of the locations.
	 * @param locations as {@link MigrationConfiguration#locations()}
	 * @param classLoader the class loader of {@code classpath:} locations, {@code null}
	 * for the engine's
	 * @param lister lists {@code classpath:} locations, or {@code null} to let the class
	 * loader's URLs say
	 * @return the revisions
	 * @throws RevisionParseException for a malformed revision file
	 * @throws LocationNotFoundException for a location that does not exist
	 */
	public static SqlRevisions read(List<String> locations, ClassLoader classLoader, ClasspathLister lister) {
		List<String> copy = List.copyOf(locations);
		ClassLoader loader = (classLoader != null) ? classLoader : Migrations.class.getClassLoader();
		return new SqlRevisions(copy, loader, Migrations.loadSqlRevisions(copy, loader, lister));
	}

	/**
	 * Whether these are the revisions of the configuration's locations, read with its
	 * class loader.
	 */
	boolean readFor(MigrationConfiguration configuration) {
		ClassLoader loader = (configuration.classLoader() != null) ? configuration.classLoader()
				: Migrations.class.getClassLoader();
		return this.locations.equals(configuration.locations()) && Objects.equals(this.classLoader, loader);
	}

	List<?> revisions() {
		return this.revisions;
	}

	Object graph() {
		return this.graph;
	}

	public List<String> locations() {
		return this.locations;
	}

}
