package dev.migration.internal.plan;

import java.util.List;
import java.util.stream.Stream;

import dev.migration.Direction;
import dev.migration.MultipleHeadsException;
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

class PlannerUpgradeTests {

	/** Graph, rows, target, then the expected steps in order and the rows after them. */
	static Stream<Arguments> upgrades() {
		return Stream.of(argumentSet("upgradeHeadsFromBaseAppliesTheChainAncestorsFirst", CHAIN, List.of(), "heads",
				List.of("upgrade a (insert +a)", "upgrade b (update a->b)", "upgrade c (update b->c)"), List.of("c")),
				argumentSet("upgradeToAnIdStopsThere", CHAIN, List.of(), "b",
						List.of("upgrade a (insert +a)", "upgrade b (update a->b)"), List.of("b")),
				argumentSet("upgradeFromTheMiddleAppliesOnlyWhatIsMissing", CHAIN, List.of("b"), "head",
						List.of("upgrade c (update b->c)"), List.of("c")),
				argumentSet("upgradeToAnAlreadyAppliedRevisionIsANoOp", CHAIN, List.of("c"), "b", List.of(),
						List.of("c")),
				argumentSet("upgradeHeadsAtTheHeadIsANoOp", BRANCHES, List.of("d", "e"), "heads", List.of(),
						List.of("d", "e")),
				argumentSet("upgradeHeadsAppliesBothBranchesAfterBranchPointOneBranchAtATime", BRANCHES, List.of(),
						"heads",
						List.of("upgrade a (insert +a)", "upgrade b (update a->b)", "upgrade d (update b->d)",
								"upgrade c (insert +c)", "upgrade e (update c->e)"),
						List.of("d", "e")),
				argumentSet("upgradeOfOneBranchLeavesTheOtherBranchRowAlone", BRANCHES, List.of("d"), "e",
						List.of("upgrade c (insert +c)", "upgrade e (update c->e)"), List.of("d", "e")),
				argumentSet("upgradeMergeRevisionJoinsBothBranchRowsIntoOne", DIAMOND, List.of("b", "c"), "heads",
						List.of("upgrade m (merge -b c->m)"), List.of("m")),
				argumentSet("upgradeDiamondFromBaseOpensTheSecondBranchThenMerges", DIAMOND, List.of(), "head",
						List.of("upgrade a (insert +a)", "upgrade b (update a->b)", "upgrade c (insert +c)",
								"upgrade m (merge -b c->m)"),
						List.of("m")),
				argumentSet("upgradeMergeWhoseOtherParentIsAppliedOnlyAsAnAncestorInsertsThatBranchFirst",
						graph("a", "b<-a", "c<-b", "d<-a", "m<-c,d"), List.of("c"), "heads",
						List.of("upgrade d (insert +d)", "upgrade m (merge -c d->m)"), List.of("m")),
				argumentSet("upgradeHeadsInAForestAppliesEachTreeFromItsRoot", graph("a", "b<-a", "x", "y<-x"),
						List.of(), "heads",
						List.of("upgrade a (insert +a)", "upgrade b (update a->b)", "upgrade x (insert +x)",
								"upgrade y (update x->y)"),
						List.of("b", "y")),
				argumentSet("upgradeLabelAtHeadAppliesOnlyThatBranch", LABELLED, List.of(), "x@head",
						List.of("upgrade a (insert +a)", "upgrade b (update a->b)", "upgrade c (update b->c)"),
						List.of("c")),
				argumentSet("upgradeBareLabelGoesToTheLabelledRevisionBesideTheOtherBranch", LABELLED, List.of("c"),
						"y", List.of("upgrade d (insert +d)"), List.of("c", "d")),
				argumentSet("upgradeRelativePlusTwoAppliesTwoRevisions", CHAIN, List.of("a"), "+2",
						List.of("upgrade b (update a->b)", "upgrade c (update b->c)"), List.of("c")),
				argumentSet("upgradeLabelAtPlusOneMovesOnlyThatBranch", LABELLED, List.of("b", "d"), "y@+1",
						List.of("upgrade e (update d->e)"), List.of("b", "e")),
				argumentSet("upgradeLabelAtPlusOneFromBaseAppliesExactlyOneRevision",
						graph("a", "b<-a", "c<-b label=x", "d<-a"), List.of(), "x@+1", List.of("upgrade a (insert +a)"),
						List.of("a")),
				argumentSet("upgradeLabelAtHeadOfADependencyTargetAppliesOnlyThatBranch",
						graph("a label=lib", "x", "y<-x depends=a"), List.of(), "lib@head",
						List.of("upgrade a (insert +a)"), List.of("a")),
				argumentSet("upgradeWithDependsOnMergesTheDependencyRowIntoTheDependent",
						graph("a", "x", "y<-x depends=a"), List.of(), "heads",
						List.of("upgrade x (insert +x)", "upgrade a (insert +a)", "upgrade y (merge -x a->y)"),
						List.of("y")),
				argumentSet("upgradeWithDependsOnAppliesTheMissingDependencyFirst", graph("a", "x", "y<-x depends=a"),
						List.of("x"), "y", List.of("upgrade a (insert +a)", "upgrade y (merge -x a->y)"), List.of("y")),
				argumentSet("upgradeWithDependencyAppliedThroughAnotherRowOnlyMovesTheOwnBranch",
						graph("a", "b<-a", "x", "y<-x depends=a"), List.of("b", "x"), "y",
						List.of("upgrade y (update x->y)"), List.of("b", "y")),
				argumentSet("upgradeWithTwoChainedDependenciesMergesOnlyTheirHead",
						graph("a", "b<-a", "x", "y<-x depends=a,b"), List.of("b", "x"), "heads",
						List.of("upgrade y (merge -x b->y)"), List.of("y")),
				argumentSet("upgradeToBaseIsANoOp", CHAIN, List.of("b"), "base", List.of(), List.of("b")));
	}

	@ParameterizedTest
	@MethodSource("upgrades")
	void upgrade(RevisionGraph graph, List<String> rows, String target, List<String> steps, List<String> toRows) {
		assertPlan(new Planner(graph).upgrade(rows, target), Direction.UPGRADE, rows, List.of(target), steps, toRows);
	}

	@Test
	void upgradeHeadWithTwoHeadsIsRefusedListingThem() {
		assertThatExceptionOfType(MultipleHeadsException.class)
			.isThrownBy(() -> new Planner(BRANCHES).upgrade(List.of(), "head"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("d", "e"));
	}

	@Test
	void upgradeFromAnUnknownRowIsRefusedNamingIt() {
		assertThatExceptionOfType(UnknownRevisionException.class)
			.isThrownBy(() -> new Planner(CHAIN).upgrade(List.of("b", "zz"), "heads"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("zz"))
			.withMessageContaining("zz");
	}

}
