package dev.migration.internal.plan;

import java.util.List;

import dev.migration.Direction;
import dev.migration.MultipleHeadsException;
import dev.migration.Plan;
import dev.migration.UnknownRevisionException;
import dev.migration.internal.graph.RevisionGraph;
import org.junit.jupiter.api.Test;

import static dev.migration.internal.graph.TestGraphs.BRANCHES;
import static dev.migration.internal.graph.TestGraphs.CHAIN;
import static dev.migration.internal.graph.TestGraphs.DIAMOND;
import static dev.migration.internal.graph.TestGraphs.LABELLED;
import static dev.migration.internal.graph.TestGraphs.graph;
import static dev.migration.internal.plan.PlanSummary.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PlannerUpgradeTests {

	@Test
	void upgradeHeadsFromBaseAppliesTheChainAncestorsFirst() {
		Plan plan = upgrade(CHAIN, List.of(), "heads");
		assertThat(plan.direction()).isEqualTo(Direction.UPGRADE);
		assertThat(steps(plan)).containsExactly("upgrade a (insert +a)", "upgrade b (update a->b)",
				"upgrade c (update b->c)");
		assertThat(plan.toRows()).containsExactly("c");
	}

	@Test
	void upgradeToAnIdStopsThere() {
		Plan plan = upgrade(CHAIN, List.of(), "b");
		assertThat(steps(plan)).containsExactly("upgrade a (insert +a)", "upgrade b (update a->b)");
		assertThat(plan.toRows()).containsExactly("b");
	}

	@Test
	void upgradeFromTheMiddleAppliesOnlyWhatIsMissing() {
		Plan plan = upgrade(CHAIN, List.of("b"), "head");
		assertThat(steps(plan)).containsExactly("upgrade c (update b->c)");
		assertThat(plan.toRows()).containsExactly("c");
	}

	@Test
	void upgradeToAnAlreadyAppliedRevisionIsANoOp() {
		Plan plan = upgrade(CHAIN, List.of("c"), "b");
		assertThat(plan.isEmpty()).isTrue();
		assertThat(steps(plan)).isEmpty();
		assertThat(plan.toRows()).containsExactly("c");
	}

	@Test
	void upgradeHeadsAtTheHeadIsANoOp() {
		Plan plan = upgrade(BRANCHES, List.of("d", "e"), "heads");
		assertThat(steps(plan)).isEmpty();
		assertThat(plan.toRows()).containsExactlyInAnyOrder("d", "e");
	}

	@Test
	void upgradeHeadsAppliesBothBranchesAfterBranchPointOneBranchAtATime() {
		Plan plan = upgrade(BRANCHES, List.of(), "heads");
		assertThat(steps(plan)).containsExactly("upgrade a (insert +a)", "upgrade b (update a->b)",
				"upgrade d (update b->d)", "upgrade c (insert +c)", "upgrade e (update c->e)");
		assertThat(plan.toRows()).containsExactlyInAnyOrder("d", "e");
	}

	@Test
	void upgradeOfOneBranchLeavesTheOtherBranchRowAlone() {
		Plan plan = upgrade(BRANCHES, List.of("d"), "e");
		assertThat(steps(plan)).containsExactly("upgrade c (insert +c)", "upgrade e (update c->e)");
		assertThat(plan.toRows()).containsExactlyInAnyOrder("d", "e");
	}

	@Test
	void upgradeHeadWithTwoHeadsIsRefusedListingThem() {
		assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> upgrade(BRANCHES, List.of(), "head"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("d", "e"));
	}

	@Test
	void upgradeMergeRevisionJoinsBothBranchRowsIntoOne() {
		Plan plan = upgrade(DIAMOND, List.of("b", "c"), "heads");
		assertThat(steps(plan)).containsExactly("upgrade m (merge -b c->m)");
		assertThat(plan.toRows()).containsExactly("m");
	}

	@Test
	void upgradeDiamondFromBaseOpensTheSecondBranchThenMerges() {
		Plan plan = upgrade(DIAMOND, List.of(), "head");
		assertThat(steps(plan)).containsExactly("upgrade a (insert +a)", "upgrade b (update a->b)",
				"upgrade c (insert +c)", "upgrade m (merge -b c->m)");
		assertThat(plan.toRows()).containsExactly("m");
	}

	@Test
	void upgradeMergeWhoseOtherParentIsAppliedOnlyAsAnAncestorInsertsThatBranchFirst() {
		RevisionGraph graph = graph("a", "b<-a", "c<-b", "d<-a", "m<-c,d");
		Plan plan = upgrade(graph, List.of("c"), "heads");
		assertThat(steps(plan)).containsExactly("upgrade d (insert +d)", "upgrade m (merge -c d->m)");
		assertThat(plan.toRows()).containsExactly("m");
	}

	@Test
	void upgradeHeadsInAForestAppliesEachTreeFromItsRoot() {
		Plan plan = upgrade(graph("a", "b<-a", "x", "y<-x"), List.of(), "heads");
		assertThat(steps(plan)).containsExactly("upgrade a (insert +a)", "upgrade b (update a->b)",
				"upgrade x (insert +x)", "upgrade y (update x->y)");
		assertThat(plan.toRows()).containsExactlyInAnyOrder("b", "y");
	}

	@Test
	void upgradeLabelAtHeadAppliesOnlyThatBranch() {
		Plan plan = upgrade(LABELLED, List.of(), "x@head");
		assertThat(steps(plan)).containsExactly("upgrade a (insert +a)", "upgrade b (update a->b)",
				"upgrade c (update b->c)");
		assertThat(plan.toRows()).containsExactly("c");
	}

	@Test
	void upgradeBareLabelGoesToTheLabelledRevisionBesideTheOtherBranch() {
		Plan plan = upgrade(LABELLED, List.of("c"), "y");
		assertThat(steps(plan)).containsExactly("upgrade d (insert +d)");
		assertThat(plan.toRows()).containsExactlyInAnyOrder("c", "d");
	}

	@Test
	void upgradeRelativePlusTwoAppliesTwoRevisions() {
		Plan plan = upgrade(CHAIN, List.of("a"), "+2");
		assertThat(steps(plan)).containsExactly("upgrade b (update a->b)", "upgrade c (update b->c)");
		assertThat(plan.toRows()).containsExactly("c");
	}

	@Test
	void upgradeLabelAtPlusOneMovesOnlyThatBranch() {
		Plan plan = upgrade(LABELLED, List.of("b", "d"), "y@+1");
		assertThat(steps(plan)).containsExactly("upgrade e (update d->e)");
		assertThat(plan.toRows()).containsExactlyInAnyOrder("b", "e");
	}

	@Test
	void upgradeLabelAtPlusOneFromBaseAppliesExactlyOneRevision() {
		RevisionGraph graph = graph("a", "b<-a", "c<-b label=x", "d<-a");
		Plan plan = upgrade(graph, List.of(), "x@+1");
		assertThat(steps(plan)).containsExactly("upgrade a (insert +a)");
		assertThat(plan.toRows()).containsExactly("a");
	}

	@Test
	void upgradeLabelAtHeadOfADependencyTargetAppliesOnlyThatBranch() {
		RevisionGraph graph = graph("a label=lib", "x", "y<-x depends=a");
		Plan plan = upgrade(graph, List.of(), "lib@head");
		assertThat(steps(plan)).containsExactly("upgrade a (insert +a)");
		assertThat(plan.toRows()).containsExactly("a");
	}

	@Test
	void upgradeWithDependsOnMergesTheDependencyRowIntoTheDependent() {
		RevisionGraph graph = graph("a", "x", "y<-x depends=a");
		Plan plan = upgrade(graph, List.of(), "heads");
		assertThat(steps(plan)).containsExactly("upgrade x (insert +x)", "upgrade a (insert +a)",
				"upgrade y (merge -x a->y)");
		assertThat(plan.toRows()).containsExactly("y");
	}

	@Test
	void upgradeWithDependsOnAppliesTheMissingDependencyFirst() {
		RevisionGraph graph = graph("a", "x", "y<-x depends=a");
		Plan plan = upgrade(graph, List.of("x"), "y");
		assertThat(steps(plan)).containsExactly("upgrade a (insert +a)", "upgrade y (merge -x a->y)");
		assertThat(plan.toRows()).containsExactly("y");
	}

	@Test
	void upgradeWithDependencyAppliedThroughAnotherRowOnlyMovesTheOwnBranch() {
		RevisionGraph graph = graph("a", "b<-a", "x", "y<-x depends=a");
		Plan plan = upgrade(graph, List.of("b", "x"), "y");
		assertThat(steps(plan)).containsExactly("upgrade y (update x->y)");
		assertThat(plan.toRows()).containsExactlyInAnyOrder("b", "y");
	}

	@Test
	void upgradeWithTwoChainedDependenciesMergesOnlyTheirHead() {
		RevisionGraph graph = graph("a", "b<-a", "x", "y<-x depends=a,b");
		Plan plan = upgrade(graph, List.of("b", "x"), "heads");
		assertThat(steps(plan)).containsExactly("upgrade y (merge -x b->y)");
		assertThat(plan.toRows()).containsExactly("y");
	}

	@Test
	void upgradeToBaseIsANoOp() {
		Plan plan = upgrade(CHAIN, List.of("b"), "base");
		assertThat(steps(plan)).isEmpty();
		assertThat(plan.toRows()).containsExactly("b");
	}

	@Test
	void upgradeFromAnUnknownRowIsRefusedNamingIt() {
		assertThatExceptionOfType(UnknownRevisionException.class)
			.isThrownBy(() -> upgrade(CHAIN, List.of("b", "zz"), "heads"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("zz"))
			.withMessageContaining("zz");
	}

	private static Plan upgrade(RevisionGraph graph, List<String> rows, String target) {
		Plan plan = new Planner(graph).upgrade(rows, target);
		assertThat(plan.fromRows()).isEqualTo(rows);
		assertThat(plan.targets()).containsExactly(target);
		return plan;
	}

}
