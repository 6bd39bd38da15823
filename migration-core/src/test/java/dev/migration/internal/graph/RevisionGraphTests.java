package dev.migration.internal.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.migration.InvalidGraphException;
import dev.migration.internal.revision.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.migration.internal.graph.TestGraphs.chain;
import static dev.migration.internal.graph.TestGraphs.graph;
import static dev.migration.internal.graph.TestGraphs.revisions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class RevisionGraphTests {

	@Test
	void linearChainHasOneHeadAndOneBase() {
		RevisionGraph graph = graph("a", "b<-a", "c<-b");
		assertThat(graph.heads()).containsExactly("c");
		assertThat(graph.realHeads()).containsExactly("c");
		assertThat(graph.bases()).containsExactly("a");
	}

	@Test
	void branchPointHasTwoChildrenAndGivesTwoHeads() {
		RevisionGraph graph = graph("a", "b<-a", "c<-a");
		assertThat(graph.isBranchPoint("a")).isTrue();
		assertThat(graph.isBranchPoint("b")).isFalse();
		assertThat(graph.children("a")).containsExactly("b", "c");
		assertThat(graph.heads()).containsExactly("b", "c");
	}

	@Test
	void mergePointJoinsADiamondIntoOneHead() {
		RevisionGraph graph = graph("a", "b<-a", "c<-a", "m<-b,c");
		assertThat(graph.isMergePoint("m")).isTrue();
		assertThat(graph.isMergePoint("b")).isFalse();
		assertThat(graph.heads()).containsExactly("m");
		assertThat(graph.ancestors(List.of("m"))).containsExactlyInAnyOrder("a", "b", "c", "m");
		assertThat(graph.descendants(List.of("b"))).containsExactlyInAnyOrder("b", "m");
	}

	@Test
	void forestHasOneBaseAndOneHeadPerTree() {
		RevisionGraph graph = graph("a", "b<-a", "x", "y<-x");
		assertThat(graph.bases()).containsExactly("a", "x");
		assertThat(graph.heads()).containsExactly("b", "y");
	}

	@Test
	void headsExcludeDependencyTargetsButRealHeadsCountThem() {
		RevisionGraph graph = graph("a", "x", "y<-x depends=a");
		assertThat(graph.heads()).containsExactly("y");
		assertThat(graph.realHeads()).containsExactlyInAnyOrder("a", "y");
		assertThat(graph.ancestors(List.of("y"))).containsExactlyInAnyOrder("a", "x", "y");
	}

	@Test
	void revisionsAreListedAncestorsFirstWithEachBranchKeptTogether() {
		RevisionGraph graph = graph("a", "b<-a", "c<-a", "d<-b", "e<-c");
		assertThat(graph.revisions()).extracting(Revision::id).containsExactly("a", "b", "d", "c", "e");
	}

	@Test
	void normalizedDownRevisionsAddOnlyDependenciesNotReachedThroughDownRevisions() {
		RevisionGraph graph = graph("a", "b<-a", "c<-b depends=a", "x", "y<-x depends=b");
		assertThat(graph.normalizedDownRevisions("c")).containsExactly("b");
		assertThat(graph.normalizedDownRevisions("y")).containsExactly("x", "b");
	}

	@Test
	void normalizedDownRevisionsDropADependencyThatAnotherDependencyAlreadyNeeds() {
		RevisionGraph graph = graph("a", "b<-a", "x", "y<-x depends=a,b");
		assertThat(graph.normalizedDownRevisions("y")).containsExactly("x", "b");
	}

	@Test
	void headsOfAppliedRevisionsKeepOnlyThoseNoOtherNeeds() {
		RevisionGraph graph = graph("a", "b<-a", "c<-a", "x", "y<-x depends=b");
		assertThat(graph.headsOf(List.of("a", "b", "c", "x", "y"))).containsExactlyInAnyOrder("c", "y");
	}

	/** A graph's revisions and a label, then the revisions of its lineage. */
	static Stream<Arguments> labelLineages() {
		return Stream.of(
				argumentSet("labelLineageCoversDescendantsAndAncestorsDownToTheBranchPoint",
						List.of("a", "b<-a", "c<-b", "d<-c label=x", "e<-d", "f<-b"), "x", List.of("c", "d", "e")),
				argumentSet("labelLineageReachesTheRootWhenThereIsNoBranchPointBelow",
						List.of("a", "b<-a", "c<-b label=x", "d<-c"), "x", List.of("a", "b", "c", "d")),
				argumentSet("labelLineageStopsAtAMergePointBelowTheLabel",
						List.of("a", "b", "m<-a,b", "n<-m", "o<-n label=x", "p<-o"), "x", List.of("n", "o", "p")),
				argumentSet("labelLineageDoesNotFollowDependsOnUpward", List.of("a label=lib", "x", "y<-x depends=a"),
						"lib", List.of("a")));
	}

	@ParameterizedTest
	@MethodSource("labelLineages")
	void labelLineage(List<String> specs, String label, List<String> lineage) {
		assertThat(graph(specs.toArray(String[]::new)).labelLineage(label))
			.containsExactlyInAnyOrderElementsOf(lineage);
	}

	@Test
	void lineageOfAnIdFollowsDownRevisionsOnly() {
		RevisionGraph graph = graph("a", "b<-a", "x", "y<-x depends=b", "z<-y");
		assertThat(graph.lineage("b")).containsExactlyInAnyOrder("a", "b");
		assertThat(graph.lineage("y")).containsExactlyInAnyOrder("x", "y", "z");
	}

	@Test
	void labelsMapEachLabelToItsRevision() {
		RevisionGraph graph = graph("a label=core", "b<-a", "c<-a label=extra,more");
		assertThat(graph.labels()).containsEntry("core", "a")
			.containsEntry("extra", "c")
			.containsEntry("more", "c")
			.hasSize(3);
	}

	/**
	 * A graph's revisions, then what the refusal says, the revisions it names and whether
	 * their order is part of the answer.
	 */
	static Stream<Arguments> invalidGraphs() {
		return Stream.of(
				argumentSet("cycleIsRefusedWithTheIdsOnIt", List.of("root", "a<-root,c", "b<-a", "c<-b", "d<-c"),
						List.of("cycle"), List.of("a", "b", "c"), false),
				argumentSet("cycleThroughDependsOnIsRefused", List.of("a depends=b", "b<-a"), List.of("cycle"),
						List.of("a", "b"), false),
				argumentSet("cycleWithoutAnyHeadIsStillFound", List.of("a<-b", "b<-a"), List.of("cycle"),
						List.of("a", "b"), false),
				argumentSet("selfLoopIsRefusedAsACycleOfOne", List.of("a", "b<-b"), List.of("self-loop"), List.of("b"),
						true),
				argumentSet("selfDependencyIsRefusedAsACycleOfOne", List.of("a", "b<-a depends=b"),
						List.of("self-loop"), List.of("b"), true),
				argumentSet("duplicateIdIsRefusedNamingIt", List.of("a", "b<-a", "b<-a"),
						List.of("declared more than once", "b"), List.of("b"), true),
				argumentSet("danglingDownRevisionIsRefusedNamingBothIds", List.of("a", "b<-zz"),
						List.of("no revision has that id", "down_revision"), List.of("b", "zz"), true),
				argumentSet("danglingDependsOnIsRefusedNamingBothIds", List.of("a", "b<-a depends=zz"),
						List.of("no revision has that id", "depends_on"), List.of("b", "zz"), true),
				argumentSet("labelUsedTwiceIsRefusedNamingBothRevisions", List.of("a label=x", "b<-a", "c<-a label=x"),
						List.of("is used more than once", "'x'"), List.of("a", "c"), true),
				argumentSet("labelEqualToARevisionIdIsRefused", List.of("a", "b<-a label=a"),
						List.of("is used more than once"), List.of("a", "b"), false));
	}

	@ParameterizedTest
	@MethodSource("invalidGraphs")
	void invalidGraphIsRefused(List<String> specs, List<String> message, List<String> named, boolean ordered) {
		assertThatExceptionOfType(InvalidGraphException.class).isThrownBy(() -> graph(specs.toArray(String[]::new)))
			.withMessageContainingAll(message.toArray(String[]::new))
			.satisfies((ex) -> {
				if (ordered) {
					assertThat(ex.revisions()).containsExactlyElementsOf(named);
				}
				else {
					assertThat(ex.revisions()).containsExactlyInAnyOrderElementsOf(named);
				}
			});
	}

	@Test
	void everyGraphErrorIsAnInvalidGraphException() {
		assertThatExceptionOfType(InvalidGraphException.class).isThrownBy(() -> graph("a<-a"));
		assertThatExceptionOfType(InvalidGraphException.class).isThrownBy(() -> graph("a", "a"));
		assertThatExceptionOfType(InvalidGraphException.class).isThrownBy(() -> graph("a<-b"));
		assertThatExceptionOfType(InvalidGraphException.class).isThrownBy(() -> graph("a label=l", "b label=l"));
	}

	@Test
	void emptyGraphHasNoHeadsAndNoBases() {
		RevisionGraph graph = RevisionGraph.of(revisions());
		assertThat(graph.size()).isZero();
		assertThat(graph.heads()).isEmpty();
		assertThat(graph.bases()).isEmpty();
	}

	@Test
	void tenThousandRevisionChainBuildsWithoutStackOverflow() {
		RevisionGraph graph = RevisionGraph.of(chain(10_000));
		assertThat(graph.size()).isEqualTo(10_000);
		assertThat(graph.heads()).containsExactly("r9999");
		assertThat(graph.bases()).containsExactly("r0");
		assertThat(graph.revisions().get(0).id()).isEqualTo("r0");
		assertThat(graph.revisions().get(9_999).id()).isEqualTo("r9999");
		assertThat(graph.ancestors(List.of("r9999"))).hasSize(10_000);
	}

	@Test
	void tenThousandRevisionCycleIsFoundWithoutStackOverflow() {
		List<Revision> revisions = new ArrayList<>(chain(10_000));
		revisions.set(0, Revision.of("r0", List.of("r9999")));
		assertThatExceptionOfType(InvalidGraphException.class).isThrownBy(() -> RevisionGraph.of(revisions))
			.withMessageContaining("cycle")
			.satisfies((ex) -> assertThat(ex.revisions()).hasSize(10_000));
	}

}
