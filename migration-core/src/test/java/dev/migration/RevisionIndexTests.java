package dev.migration;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index written at build time: what a lister finds of the classpath locations, a
 * {@code {vendor}} standing for each vendor, read back as it was written.
 */
class RevisionIndexTests {

	@Test
	void indexesTheClasspathLocationsEachVendorOfAPlaceholderAndReadsBackAsWritten() throws IOException {
		List<String> asked = new ArrayList<>();
		ClasspathLister lister = (path) -> {
			asked.add(path);
			return path.equals("db/postgresql") ? null
					: List.of(new ClasspathLister.Entry("b.sql", URI.create("file:/b.sql").toURL()),
							new ClasspathLister.Entry("a.sql", URI.create("file:/a.sql").toURL()));
		};
		RevisionIndex index = RevisionIndex.of(
				List.of("classpath:/db/revisions/", "filesystem:db/elsewhere", "classpath:db/{vendor}"), lister,
				Map.of("app.revisions", List.of("app.revisions.V1")));
		assertThat(asked).containsExactly("db/revisions", "db/postgresql", "db/sqlite");
		RevisionIndex read = RevisionIndex.read(index.text(), null);
		assertThat(read.text()).isEqualTo(index.text());
		assertThat(index.text()).isEqualTo("L\tdb/revisions\ta.sql\nL\tdb/revisions\tb.sql\nL\tdb/sqlite\ta.sql\n"
				+ "L\tdb/sqlite\tb.sql\nJ\tapp.revisions\tapp.revisions.V1\n");
		assertThat(read.javaRevisions("app.revisions")).containsExactly("app.revisions.V1");
	}

	@Test
	void aClasspathPathHasNeitherThePrefixNorSurroundingSlashes() {
		assertThat(RevisionIndex.classpathPath("classpath:/db/schema.sql")).isEqualTo("db/schema.sql");
		assertThat(RevisionIndex.classpathPath("classpath:db/revisions//")).isEqualTo("db/revisions");
		assertThat(RevisionIndex.classpathPath("filesystem:db/revisions")).isNull();
		assertThat(RevisionIndex.classpathPath(null)).isNull();
	}

}
