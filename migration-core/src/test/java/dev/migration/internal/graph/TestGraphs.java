package dev.migration.internal.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.migration.internal.revision.Revision;

/**
 * Builds revision graphs from one short line per revision, so a test states its graph in
 * about three lines: {@code graph("a", "b<-a", "c<-a", "m<-b,c")}. After the id and
 * optional {@code <-down,...} come optional words: {@code depends=x,y},
 * {@code label=name,...} and {@code irreversible}.
 */
public final class TestGraphs {

	public static final RevisionGraph CHAIN = graph("a", "b<-a", "c<-b");

	/**
	 * Branches listed interleaved on purpose: a branch point a with branches b, d and c,
	 * e.
	 */
	public static final RevisionGraph BRANCHES = graph("a", "b<-a", "c<-a", "d<-b", "e<-c");

	public static final RevisionGraph DIAMOND = graph("a", "b<-a", "c<-a", "m<-b,c");

	/** Two labelled branches off a: x = b, c and y = d, e. */
	public static final RevisionGraph LABELLED = graph("a", "b<-a label=x", "c<-b", "d<-a label=y", "e<-d");

	private TestGraphs() {
	}

	public static RevisionGraph graph(String... specs) {
		return RevisionGraph.of(revisions(specs));
	}

	public static List<Revision> revisions(String... specs) {
		List<Revision> revisions = new ArrayList<>(specs.length);
		for (String spec : specs) {
			revisions.add(revision(spec));
		}
		return revisions;
	}

	public static Revision revision(String spec) {
		String[] words = spec.trim().split("\\s+");
		String[] idAndDown = words[0].split("<-", 2);
		List<String> down = (idAndDown.length == 2) ? names(idAndDown[1]) : List.of();
		Revision revision = Revision.of(idAndDown[0], down);
		for (String word : Arrays.asList(words).subList(1, words.length)) {
			if (word.startsWith("depends=")) {
				revision = revision.withDependsOn(names(word.substring("depends=".length())));
			}
			else if (word.startsWith("label=")) {
				revision = revision.withBranchLabels(names(word.substring("label=".length())));
			}
			else if (word.equals("irreversible")) {
				revision = revision.irreversible();
			}
			else {
				throw new IllegalArgumentException("Unknown word '" + word + "' in graph spec '" + spec + "'");
			}
		}
		return revision;
	}

	/**
	 * A linear chain r0 <- r1 <- ... of the given length, built without the spec parser.
	 */
	public static List<Revision> chain(int length) {
		List<Revision> revisions = new ArrayList<>(length);
		for (int i = 0; i < length; i++) {
			revisions.add(Revision.of("r" + i, (i == 0) ? List.of() : List.of("r" + (i - 1))));
		}
		return revisions;
	}

	private static List<String> names(String commaSeparated) {
		return List.of(commaSeparated.split(","));
	}

}
