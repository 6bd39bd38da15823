package dev.migration.internal.plan;

import java.util.List;
import java.util.stream.Stream;

import dev.migration.Direction;
import dev.migration.IrreversibleRevisionException;
import dev.migration.TargetException;
import dev.migration.UnknownRevisionException;
import dev.migration.internal.graph.RevisionGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.migration.internal.graph.TestGraphs.BRANCHES;
import static dev.migration.internal.graph.TestGraphs.CHAIN;
import static dev.migration.internal.graph.TestGraphs.DIAMOND;
import static dev.migration.internal.graph.TestGraphs.LABELLED;
import static dev.migration.internal.graph.TestGraphs.graph;
import static dev.migration.internal.plan.PlanSummary.assertPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class PlannerDowngradeTests {

	private static final RevisionGraph IRREVERSIBLE_B = graph("a", "b<-a irreversible", "c<-b");

	/** Graph, rows, target, then the expected steps in order and the rows after them. */
	static Stream<Arguments> downgrades() {
		return Stream.of(
				argumentSet("downgradeMinusOneMovesTheRowDown", CHAIN, List.of("c"), "-1",
						List.of("downgrade c (update c->b)"), List.of("b")),
				argumentSet("downgradeToBaseRevertsEverythingDescendantsFirst", CHAIN, List.of("c"), "base",
						List.of("downgrade c (update c->b)", "downgrade b (update b->a)", "downgrade a (delete -a)"),
						List.of()),
				argumentSet("downgradeWalkingOffTheRootLandsOnBase", CHAIN, List.of("a"), "-1",
						List.of("downgrade a (delete -a)"), List.of()),
				argumentSet("downgradeIdMinusNRevertsDownToThatRevision", CHAIN, List.of("c"), "c-2",
						List.of("downgrade c (update c->b)", "downgrade b (update b->a)"), List.of("a")),
				argumentSet("downgradeToTheCurrentRevisionIsANoOp", CHAIN, List.of("c"), "c", List.of(), List.of("c")),
				argumentSet("downgradeToBaseFromBaseIsANoOp", CHAIN, List.of(), "base", List.of(), List.of()),
				argumentSet("downgradeToARevisionOnOneBranchLeavesTheOtherBranch", BRANCHES, List.of("d", "e"), "b",
						List.of("downgrade d (update d->b)"), List.of("b", "e")),
				argumentSet("downgradeToTheBranchPointRemovesBothBranchesOneAtATime", BRANCHES, List.of("d", "e"), "a",
						List.of("downgrade e (update e->c)", "downgrade c (delete -c)", "downgrade d (update d->b)",
								"downgrade b (update b->a)"),
						List.of("a")),
				argumentSet("downgradeToBaseWithTwoBranchesRemovesEverything", BRANCHES, List.of("d", "e"), "base",
						List.of("downgrade e (update e->c)", "downgrade c (delete -c)", "downgrade d (update d->b)",
								"downgrade b (update b->a)", "downgrade a (delete -a)"),
						List.of()),
				argumentSet("downgradeOfAMergeToOneParentUnmergesAndKeepsTheOtherBranch", DIAMOND, List.of("m"), "b",
						List.of("downgrade m (unmerge m->c +b)"), List.of("b", "c")),
				argumentSet("downgradeOfAMergeToTheBranchPointRemovesBothParents", DIAMOND, List.of("m"), "a",
						List.of("downgrade m (unmerge m->c +b)", "downgrade c (delete -c)",
								"downgrade b (update b->a)"),
						List.of("a")),
				argumentSet("downgradeLabelAtMinusOneMovesOnlyThatBranch", LABELLED, List.of("c", "e"), "x@-1",
						List.of("downgrade c (update c->b)"), List.of("b", "e")),
				argumentSet("downgradeLabelAtBaseRemovesThatBranchButKeepsTheSharedRoot", LABELLED, List.of("c", "e"),
						"x@base", List.of("downgrade c (update c->b)", "downgrade b (delete -b)"), List.of("e")),
				argumentSet("downgradeLabelAtIdStopsAtThatRevision", LABELLED, List.of("c", "e"), "y@d",
						List.of("downgrade e (update e->d)"), List.of("c", "d")),
				argumentSet("downgradeAboveAnIrreversibleRevisionIsAllowed", IRREVERSIBLE_B, List.of("c"), "b",
						List.of("downgrade c (update c->b)"), List.of("b")),
				argumentSet("downgradeOfADependentUnmergesTheDependencyRow", graph("a", "x", "y<-x depends=a"),
						List.of("y"), "-1", List.of("downgrade y (unmerge y->a +x)"), List.of("a", "x")),
				argumentSet("downgradeOfADependentWhoseDependencyAnotherRowNeedsOnlyMovesItsOwnRow",
						graph("a", "b<-a", "x", "y<-x depends=a"), List.of("b", "y"), "x",
						List.of("downgrade y (update y->x)"), List.of("b", "x")),
				argumentSet("downgradeBelowADependencyAlsoRevertsItsDependents",
						graph("a", "b<-a", "x", "y<-x depends=b"), List.of("y"), "a",
						List.of("downgrade y (unmerge y->b +x)", "downgrade b (update b->a)"), List.of("a", "x")),
				argumentSet("downgradeOfADependentOnTwoChainedDependenciesRestoresOnlyTheirHead",
						graph("a", "b<-a", "x", "y<-x depends=a,b"), List.of("y"), "x",
						List.of("downgrade y (unmerge y->b +x)"), List.of("b", "x")));
	}

	/** Graph, rows, target, then the revisions the refusal names. */
	static Stream<Arguments> refusedTargets() {
		return Stream.of(
				argumentSet("downgradeToARevisionNotAppliedIsRefusedNamingIt", CHAIN, List.of("b"), "c", List.of("c")),
				argumentSet("downgradeToARevisionOfAnUnappliedBranchIsRefused", BRANCHES, List.of("d"), "c",
						List.of("c")),
				argumentSet("downgradeMinusOneFromTwoCurrentHeadsIsRefused", BRANCHES, List.of("d", "e"), "-1",
						List.of("d", "e")),
				argumentSet("downgradeMinusOneFromAMergePointIsRefused", DIAMOND, List.of("m"), "-1",
						List.of("b", "c")));
	}

	@ParameterizedTest
	@MethodSource("downgrades")
	void downgrade(RevisionGraph graph, List<String> rows, String target, List<String> steps, List<String> toRows) {
		assertPlan(new Planner(graph).downgrade(rows, target), Direction.DOWNGRADE, rows, List.of(target), steps,
				toRows);
	}

	@ParameterizedTest
	@MethodSource("refusedTargets")
	void refusedTarget(RevisionGraph graph, List<String> rows, String target, List<String> named) {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> new Planner(graph).downgrade(rows, target))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactlyElementsOf(named));
	}

	@Test
	void downgradeToARevisionNotAppliedSaysSo() {
		assertThatExceptionOfType(TargetException.class)
			.isThrownBy(() -> new Planner(CHAIN).downgrade(List.of("b"), "c"))
			.withMessageContaining("not applied");
	}

	@Test
	void downgradeThroughAnIrreversibleRevisionIsRefusedNamingIt() {
		assertThatExceptionOfType(IrreversibleRevisionException.class)
			.isThrownBy(() -> new Planner(IRREVERSIBLE_B).downgrade(List.of("c"), "a"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("b"))
			.withMessageContaining("irreversible");
	}

	@Test
	void downgradeFromAnUnknownRowIsRefusedNamingIt() {
		assertThatExceptionOfType(UnknownRevisionException.class)
			.isThrownBy(() -> new Planner(CHAIN).downgrade(List.of("zz"), "base"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("zz"));
	}

}
