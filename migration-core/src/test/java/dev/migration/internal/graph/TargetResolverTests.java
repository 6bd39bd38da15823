package dev.migration.internal.graph;

import java.util.List;
import java.util.stream.Stream;

import dev.migration.AmbiguousRevisionException;
import dev.migration.MultipleHeadsException;
import dev.migration.TargetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.migration.internal.graph.TestGraphs.DIAMOND;
import static dev.migration.internal.graph.TestGraphs.LABELLED;
import static dev.migration.internal.graph.TestGraphs.graph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class TargetResolverTests {

	private static final RevisionGraph CHAIN = graph("a", "b<-a", "c<-b", "d<-c");

	private static final RevisionGraph FORK = graph("a", "b<-a", "c<-a");

	/**
	 * Graph, current rows and target, then the revisions it resolves to, in graph order.
	 */
	static Stream<Arguments> resolutions() {
		RevisionGraph prefixes = graph("abc123", "abd456<-abc123");
		RevisionGraph labelledPrefixes = graph("a", "abc1<-a label=x", "abc2<-a label=y");
		RevisionGraph dependsOnB = graph("a", "b<-a", "x", "y<-x depends=b");
		return Stream.of(argumentSet("headsResolvesToEveryHead", FORK, List.of(), "heads", List.of("b", "c")),
				argumentSet("headResolvesToTheSingleHead", CHAIN, List.of(), "head", List.of("d")),
				argumentSet("fullIdResolvesToItself", CHAIN, List.of(), "c", List.of("c")),
				argumentSet("uniquePrefixResolvesToItsRevision", prefixes, List.of(), "abc", List.of("abc123")),
				argumentSet("uniquePrefixResolvesToItsRevisionAlsoForTheChild", prefixes, List.of(), "abd4",
						List.of("abd456")),
				argumentSet("labelAtHeadResolvesToTheHeadOfThatBranch", LABELLED, List.of(), "x@head", List.of("c")),
				argumentSet("labelAtHeadResolvesToTheHeadOfTheOtherBranch", LABELLED, List.of(), "y@head",
						List.of("e")),
				argumentSet("bareLabelMeansTheRevisionThatDeclaresItAsInAlembic", LABELLED, List.of(), "y",
						List.of("d")),
				argumentSet("bareLabelPlusOneWalksFromThatRevision", LABELLED, List.of(), "y+1", List.of("e")),
				argumentSet("labelAtHeadOfADependencyTargetIsTheLabelledRevision",
						graph("a label=lib", "x", "y<-x depends=a"), List.of(), "lib@head", List.of("a")),
				argumentSet("labelAtHeadsOfADependencyTargetIsTheLabelledRevision",
						graph("a label=lib", "x", "y<-x depends=a"), List.of(), "lib@heads", List.of("a")),
				argumentSet("labelAtIdAcceptsARevisionOfThatBranch", LABELLED, List.of(), "x@b", List.of("b")),
				argumentSet("labelAtPartialIdPicksTheCandidateOnThatBranch", labelledPrefixes, List.of(), "x@abc",
						List.of("abc1")),
				argumentSet("labelAtPartialIdPicksTheCandidateOnTheOtherBranch", labelledPrefixes, List.of(), "y@abc",
						List.of("abc2")),
				argumentSet("idAtHeadIgnoresRevisionsThatOnlyDependOnIt", dependsOnB, List.of(), "a@head",
						List.of("b")),
				argumentSet("idAtHeadOfTheDependentsOwnBranch", dependsOnB, List.of(), "x@head", List.of("y")),
				argumentSet("plusNWalksUpFromTheCurrentRevision", CHAIN, List.of("b"), "+2", List.of("d")),
				argumentSet("plusOneFromBaseIsTheRoot", CHAIN, List.of(), "+1", List.of("a")),
				argumentSet("minusNWalksDownFromTheCurrentRevision", CHAIN, List.of("d"), "-2", List.of("b")),
				argumentSet("idPlusWalksUpFromThatRevision", CHAIN, List.of(), "b+1", List.of("c")),
				argumentSet("idMinusWalksDownFromThatRevision", CHAIN, List.of(), "d-3", List.of("a")),
				argumentSet("walkingUpIntoAMergePointFollowsItsOnlyChild", DIAMOND, List.of("b"), "+1", List.of("m")),
				argumentSet("labelAtMinusNWalksFromTheCurrentRevisionOfThatBranch", LABELLED, List.of("c", "e"), "x@-1",
						List.of("b")),
				argumentSet("labelAtMinusNWalksFromTheCurrentRevisionOfTheOtherBranch", LABELLED, List.of("c", "e"),
						"y@-1", List.of("d")),
				argumentSet("labelAtPlusNWalksUpWithinThatBranch", LABELLED, List.of("b", "e"), "x@+1", List.of("c")),
				argumentSet("labelAtPlusOneStartsAtTheBranchRootWhenNothingOfItIsApplied", LABELLED, List.of("e"),
						"x@+1", List.of("b")));
	}

	/**
	 * Graph, current rows and target, then the revisions the refusal names and a part of
	 * its message ({@code null}: any message).
	 */
	static Stream<Arguments> refusals() {
		return Stream.of(
				argumentSet("labelAtIdRefusesARevisionOfAnotherBranch", LABELLED, List.of(), "x@e", List.of("e"),
						"not on branch 'x'"),
				argumentSet("walkingUpOffTheGraphIsRefusedNamingTheHead", CHAIN, List.of("b"), "+3", List.of("d"),
						"runs off the graph"),
				argumentSet("walkingUpThroughAForkIsRefusedListingTheChildren", FORK, List.of("a"), "+1",
						List.of("b", "c"), "forks"),
				argumentSet("walkingUpFromBaseOfAForestIsRefused", graph("a", "x"), List.of(), "+1", List.of("a", "x"),
						null),
				argumentSet("walkingDownFromAMergePointIsRefusedListingItsParents", DIAMOND, List.of("m"), "-1",
						List.of("b", "c"), "merge point"),
				argumentSet("relativeWalkDownFromSeveralCurrentRevisionsIsRefusedNamingThem", FORK, List.of("b", "c"),
						"-1", List.of("b", "c"), "several current revisions"),
				argumentSet("relativeWalkUpFromSeveralCurrentRevisionsIsRefusedNamingThem", FORK, List.of("b", "c"),
						"+1", List.of("b", "c"), null),
				argumentSet("labelAtPlusOneFromTwoAppliedParentsOfItsMergeIsRefused",
						graph("a", "b", "m<-a,b", "n<-m label=x"), List.of("a", "b"), "x@+1", List.of("a", "b"), null),
				argumentSet("labelAtPlusNThroughAForkInsideTheBranchIsRefused", graph("a label=x", "b<-a", "c<-a"),
						List.of("a"), "x@+1", List.of("b", "c"), null));
	}

	@ParameterizedTest
	@MethodSource("resolutions")
	void resolves(RevisionGraph graph, List<String> currentRows, String target, List<String> revisions) {
		assertThat(resolve(graph, currentRows, target)).containsExactlyElementsOf(revisions);
	}

	@ParameterizedTest
	@MethodSource("refusals")
	void refuses(RevisionGraph graph, List<String> currentRows, String target, List<String> named, String message) {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(graph, currentRows, target))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactlyElementsOf(named))
			.withMessageContaining((message != null) ? message : "");
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
	void labelAtBaseRemovesTheBranchFromItsFirstRevision() {
		Destination destination = destination(LABELLED, List.of("c", "e"), "x@base");
		assertThat(destination.revisions()).isEmpty();
		assertThat(destination.removedRoots()).containsExactly("b");
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
	void labelAtMinusNWithNothingOfTheBranchAppliedIsRefused() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(LABELLED, List.of("e"), "x@-1"))
			.withMessageContaining("on that branch");
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
	void labelAtPartialIdSharedByTwoRevisionsOfTheBranchIsAmbiguous() {
		RevisionGraph graph = graph("a label=x", "abc1<-a", "abc2<-abc1", "abc3<-a");
		assertThatExceptionOfType(AmbiguousRevisionException.class).isThrownBy(() -> resolve(graph, "x@abc"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("abc1", "abc2", "abc3"));
	}

	@ParameterizedTest
	@MethodSource
	void onlyStepsFromTheCurrentRevisionsReadTheDatabase(String target, boolean readsCurrent) {
		assertThat(TargetResolver.isRelativeToCurrent(target)).isEqualTo(readsCurrent);
	}

	static Stream<Arguments> onlyStepsFromTheCurrentRevisionsReadTheDatabase() {
		return Stream.of(Arguments.of("+1", true), Arguments.of("-2", true), Arguments.of("x@+1", true),
				Arguments.of("x@-1", true), Arguments.of(" -1 ", true), Arguments.of("ae10+2", false),
				Arguments.of("x@ae10-1", false), Arguments.of("heads", false), Arguments.of("x@head", false),
				Arguments.of("base", false), Arguments.of("c", false), Arguments.of("", false));
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
