package dev.migration.internal.graph;

import java.util.List;

import dev.migration.AmbiguousRevisionException;
import dev.migration.MultipleHeadsException;
import dev.migration.TargetException;
import org.junit.jupiter.api.Test;

import static dev.migration.internal.graph.TestGraphs.DIAMOND;
import static dev.migration.internal.graph.TestGraphs.LABELLED;
import static dev.migration.internal.graph.TestGraphs.graph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TargetResolverTests {

	private static final RevisionGraph CHAIN = graph("a", "b<-a", "c<-b", "d<-c");

	private static final RevisionGraph FORK = graph("a", "b<-a", "c<-a");

	@Test
	void headsResolvesToEveryHead() {
		assertThat(resolve(FORK, "heads")).containsExactlyInAnyOrder("b", "c");
	}

	@Test
	void headResolvesToTheSingleHead() {
		assertThat(resolve(CHAIN, "head")).containsExactly("d");
	}

	@Test
	void headWithTwoHeadsIsRefusedListingThem() {
		assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> resolve(FORK, "head"))
			.satisfies((ex) -> assertThat(ex.heads()).containsExactly("b", "c"))
			.withMessageContaining("heads")
			.withMessageContaining("@head");
	}

	@Test
	void headCountsDependencyTargetsAsHeadsButHeadsDoesNot() {
		RevisionGraph graph = graph("a", "x", "y<-x depends=a");
		assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> resolve(graph, "head"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactlyInAnyOrder("a", "y"));
		assertThat(resolve(graph, "heads")).containsExactly("y");
	}

	@Test
	void baseResolvesToNothingAndRemovesEveryRoot() {
		Destination destination = destination(graph("a", "b<-a", "x", "y<-x"), List.of("b", "y"), "base");
		assertThat(destination.revisions()).isEmpty();
		assertThat(destination.removedRoots()).containsExactlyInAnyOrder("a", "x");
	}

	@Test
	void fullIdResolvesToItself() {
		assertThat(resolve(CHAIN, "c")).containsExactly("c");
	}

	@Test
	void uniquePrefixResolvesToItsRevision() {
		RevisionGraph graph = graph("abc123", "abd456<-abc123");
		assertThat(resolve(graph, "abc")).containsExactly("abc123");
		assertThat(resolve(graph, "abd4")).containsExactly("abd456");
	}

	@Test
	void ambiguousPrefixIsRefusedListingTheCandidates() {
		RevisionGraph graph = graph("abc123", "abd456<-abc123", "xyz<-abd456");
		assertThatExceptionOfType(AmbiguousRevisionException.class).isThrownBy(() -> resolve(graph, "ab"))
			.satisfies((ex) -> assertThat(ex.candidates()).containsExactly("abc123", "abd456"))
			.withMessageContaining("abc123, abd456");
	}

	@Test
	void unknownRevisionIsRefusedNamingIt() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(CHAIN, "zz"))
			.withMessageContaining("'zz'");
	}

	@Test
	void emptyTargetIsRefused() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(CHAIN, " "));
	}

	@Test
	void labelAtHeadResolvesToTheHeadOfThatBranch() {
		assertThat(resolve(LABELLED, "x@head")).containsExactly("c");
		assertThat(resolve(LABELLED, "y@head")).containsExactly("e");
	}

	@Test
	void bareLabelMeansTheRevisionThatDeclaresItAsInAlembic() {
		assertThat(resolve(LABELLED, "y")).containsExactly("d");
		assertThat(resolve(LABELLED, "y+1")).containsExactly("e");
	}

	@Test
	void labelAtIdAcceptsARevisionBelowTheBranchPointThatSharesItsLineage() {
		assertThat(resolve(LABELLED, "x@a")).containsExactly("a");
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(LABELLED, "x@e"))
			.withMessageContaining("not on branch 'x'");
	}

	@Test
	void labelAtHeadWithTwoHeadsInTheBranchIsRefusedButAtHeadsTakesBoth() {
		RevisionGraph graph = graph("root", "a<-root label=x", "b<-a", "c<-a", "z<-root");
		assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> resolve(graph, "x@head"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("b", "c"));
		assertThat(resolve(graph, "x@heads")).containsExactlyInAnyOrder("b", "c");
	}

	@Test
	void labelAtHeadOfADependencyTargetIsTheLabelledRevision() {
		RevisionGraph graph = graph("a label=lib", "x", "y<-x depends=a");
		assertThat(resolve(graph, "lib@head")).containsExactly("a");
		assertThat(resolve(graph, "lib@heads")).containsExactly("a");
	}

	@Test
	void labelAtBaseRemovesTheBranchFromItsFirstRevision() {
		Destination destination = destination(LABELLED, List.of("c", "e"), "x@base");
		assertThat(destination.revisions()).isEmpty();
		assertThat(destination.removedRoots()).containsExactly("b");
	}

	@Test
	void labelAtIdAcceptsARevisionOfThatBranch() {
		assertThat(resolve(LABELLED, "x@b")).containsExactly("b");
	}

	@Test
	void labelAtIdRefusesARevisionOfAnotherBranch() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(LABELLED, "x@e"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("e"))
			.withMessageContaining("not on branch 'x'");
	}

	@Test
	void labelAtPartialIdPicksTheCandidateOnThatBranch() {
		RevisionGraph graph = graph("a", "abc1<-a label=x", "abc2<-a label=y");
		assertThat(resolve(graph, "x@abc")).containsExactly("abc1");
		assertThat(resolve(graph, "y@abc")).containsExactly("abc2");
	}

	@Test
	void unknownLabelIsRefusedListingTheKnownOnes() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(LABELLED, "nope@head"))
			.withMessageContaining("'nope'")
			.withMessageContaining("x, y");
	}

	@Test
	void idAtHeadUsesTheLineageOfThatRevision() {
		RevisionGraph graph = graph("a", "b<-a", "c<-b", "d<-a", "e<-d");
		assertThat(resolve(graph, "b@head")).containsExactly("c");
		assertThat(resolve(graph, "e@head")).containsExactly("e");
		assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> resolve(graph, "a@head"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("c", "e"));
	}

	@Test
	void idAtHeadIgnoresRevisionsThatOnlyDependOnIt() {
		RevisionGraph graph = graph("a", "b<-a", "x", "y<-x depends=b");
		assertThat(resolve(graph, "a@head")).containsExactly("b");
		assertThat(resolve(graph, "x@head")).containsExactly("y");
	}

	@Test
	void plusNWalksUpFromTheCurrentRevision() {
		assertThat(resolve(CHAIN, List.of("b"), "+2")).containsExactly("d");
	}

	@Test
	void plusOneFromBaseIsTheRoot() {
		assertThat(resolve(CHAIN, List.of(), "+1")).containsExactly("a");
	}

	@Test
	void minusNWalksDownFromTheCurrentRevision() {
		assertThat(resolve(CHAIN, List.of("d"), "-2")).containsExactly("b");
	}

	@Test
	void idPlusAndMinusWalkFromThatRevision() {
		assertThat(resolve(CHAIN, List.of(), "b+1")).containsExactly("c");
		assertThat(resolve(CHAIN, List.of(), "d-3")).containsExactly("a");
	}

	@Test
	void walkingDownOffTheRootLandsOnBaseRemovingThatRoot() {
		Destination destination = destination(graph("a", "b<-a", "x"), List.of("b"), "-2");
		assertThat(destination.revisions()).isEmpty();
		assertThat(destination.removedRoots()).containsExactly("a");
	}

	@Test
	void walkingBelowBaseIsRefused() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(CHAIN, List.of("b"), "-3"))
			.withMessageContaining("below base");
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(CHAIN, List.of(), "-1"))
			.withMessageContaining("below base");
	}

	@Test
	void walkingUpOffTheGraphIsRefusedNamingTheHead() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(CHAIN, List.of("b"), "+3"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("d"))
			.withMessageContaining("runs off the graph");
	}

	@Test
	void walkingUpThroughAForkIsRefusedListingTheChildren() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(FORK, List.of("a"), "+1"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("b", "c"))
			.withMessageContaining("forks");
	}

	@Test
	void walkingUpFromBaseOfAForestIsRefused() {
		RevisionGraph forest = graph("a", "x");
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(forest, List.of(), "+1"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("a", "x"));
	}

	@Test
	void walkingDownFromAMergePointIsRefusedListingItsParents() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(DIAMOND, List.of("m"), "-1"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("b", "c"))
			.withMessageContaining("merge point");
	}

	@Test
	void walkingUpIntoAMergePointFollowsItsOnlyChild() {
		assertThat(resolve(DIAMOND, List.of("b"), "+1")).containsExactly("m");
	}

	@Test
	void relativeWalkFromSeveralCurrentRevisionsIsRefusedNamingThem() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(FORK, List.of("b", "c"), "-1"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("b", "c"))
			.withMessageContaining("several current revisions");
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(FORK, List.of("b", "c"), "+1"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("b", "c"));
	}

	@Test
	void labelAtMinusNWalksFromTheCurrentRevisionOfThatBranch() {
		assertThat(resolve(LABELLED, List.of("c", "e"), "x@-1")).containsExactly("b");
		assertThat(resolve(LABELLED, List.of("c", "e"), "y@-1")).containsExactly("d");
	}

	@Test
	void labelAtMinusNWithNothingOfTheBranchAppliedIsRefused() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(LABELLED, List.of("e"), "x@-1"))
			.withMessageContaining("on that branch");
	}

	@Test
	void labelAtPlusNWalksUpWithinThatBranch() {
		assertThat(resolve(LABELLED, List.of("b", "e"), "x@+1")).containsExactly("c");
	}

	@Test
	void labelAtPlusOneStartsAtTheBranchRootWhenNothingOfItIsApplied() {
		assertThat(resolve(LABELLED, List.of("e"), "x@+1")).containsExactly("b");
	}

	@Test
	void labelAtPlusOneFromBaseTakesOneStepTowardsTheBranch() {
		RevisionGraph graph = graph("a", "b<-a", "c<-b label=x", "d<-a", "q");
		assertThat(graph.labelLineage("x")).containsExactlyInAnyOrder("b", "c");
		assertThat(resolve(graph, List.of(), "x@+1")).containsExactly("a");
		assertThat(resolve(graph, List.of(), "x@+2")).containsExactly("b");
		assertThat(resolve(graph, List.of("d"), "x@+1")).containsExactly("b");
	}

	@Test
	void labelAtPlusOneFromTwoAppliedParentsOfItsMergeIsRefused() {
		RevisionGraph graph = graph("a", "b", "m<-a,b", "n<-m label=x");
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(graph, List.of("a", "b"), "x@+1"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("a", "b"));
	}

	@Test
	void labelAtPartialIdSharedByTwoRevisionsOfTheBranchIsAmbiguous() {
		RevisionGraph graph = graph("a label=x", "abc1<-a", "abc2<-abc1", "abc3<-a");
		assertThatExceptionOfType(AmbiguousRevisionException.class).isThrownBy(() -> resolve(graph, "x@abc"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("abc1", "abc2", "abc3"));
	}

	@Test
	void labelAtPlusNThroughAForkInsideTheBranchIsRefused() {
		RevisionGraph graph = graph("a label=x", "b<-a", "c<-a");
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(graph, List.of("a"), "x@+1"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("b", "c"));
	}

	private static List<String> resolve(RevisionGraph graph, String target) {
		return resolve(graph, List.of(), target);
	}

	private static List<String> resolve(RevisionGraph graph, List<String> currentRows, String target) {
		Destination destination = destination(graph, currentRows, target);
		return graph.sortAscending(destination.revisions());
	}

	private static Destination destination(RevisionGraph graph, List<String> currentRows, String target) {
		return new TargetResolver(graph, currentRows).resolve(target);
	}

}
