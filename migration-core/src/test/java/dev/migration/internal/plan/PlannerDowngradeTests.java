package dev.migration.internal.plan;

import java.util.List;

import dev.migration.Direction;
import dev.migration.IrreversibleRevisionException;
import dev.migration.Plan;
import dev.migration.TargetException;
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

class PlannerDowngradeTests {

	@Test
	void downgradeMinusOneMovesTheRowDown() {
		Plan plan = downgrade(CHAIN, List.of("c"), "-1");
		assertThat(plan.direction()).isEqualTo(Direction.DOWNGRADE);
		assertThat(steps(plan)).containsExactly("downgrade c (update c->b)");
		assertThat(plan.toRows()).containsExactly("b");
	}

	@Test
	void downgradeToBaseRevertsEverythingDescendantsFirst() {
		Plan plan = downgrade(CHAIN, List.of("c"), "base");
		assertThat(steps(plan)).containsExactly("downgrade c (update c->b)", "downgrade b (update b->a)",
				"downgrade a (delete -a)");
		assertThat(plan.toRows()).isEmpty();
	}

	@Test
	void downgradeWalkingOffTheRootLandsOnBase() {
		Plan plan = downgrade(CHAIN, List.of("a"), "-1");
		assertThat(steps(plan)).containsExactly("downgrade a (delete -a)");
		assertThat(plan.toRows()).isEmpty();
	}

	@Test
	void downgradeIdMinusNRevertsDownToThatRevision() {
		Plan plan = downgrade(CHAIN, List.of("c"), "c-2");
		assertThat(steps(plan)).containsExactly("downgrade c (update c->b)", "downgrade b (update b->a)");
		assertThat(plan.toRows()).containsExactly("a");
	}

	@Test
	void downgradeToTheCurrentRevisionIsANoOp() {
		Plan plan = downgrade(CHAIN, List.of("c"), "c");
		assertThat(plan.isEmpty()).isTrue();
		assertThat(plan.toRows()).containsExactly("c");
	}

	@Test
	void downgradeToBaseFromBaseIsANoOp() {
		Plan plan = downgrade(CHAIN, List.of(), "base");
		assertThat(steps(plan)).isEmpty();
		assertThat(plan.toRows()).isEmpty();
	}

	@Test
	void downgradeToARevisionNotAppliedIsRefusedNamingIt() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> downgrade(CHAIN, List.of("b"), "c"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("c"))
			.withMessageContaining("not applied");
	}

	@Test
	void downgradeToARevisionOfAnUnappliedBranchIsRefused() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> downgrade(BRANCHES, List.of("d"), "c"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("c"));
	}

	@Test
	void downgradeToARevisionOnOneBranchLeavesTheOtherBranch() {
		Plan plan = downgrade(BRANCHES, List.of("d", "e"), "b");
		assertThat(steps(plan)).containsExactly("downgrade d (update d->b)");
		assertThat(plan.toRows()).containsExactlyInAnyOrder("b", "e");
	}

	@Test
	void downgradeToTheBranchPointRemovesBothBranchesOneAtATime() {
		Plan plan = downgrade(BRANCHES, List.of("d", "e"), "a");
		assertThat(steps(plan)).containsExactly("downgrade e (update e->c)", "downgrade c (delete -c)",
				"downgrade d (update d->b)", "downgrade b (update b->a)");
		assertThat(plan.toRows()).containsExactly("a");
	}

	@Test
	void downgradeToBaseWithTwoBranchesRemovesEverything() {
		Plan plan = downgrade(BRANCHES, List.of("d", "e"), "base");
		assertThat(steps(plan)).containsExactly("downgrade e (update e->c)", "downgrade c (delete -c)",
				"downgrade d (update d->b)", "downgrade b (update b->a)", "downgrade a (delete -a)");
		assertThat(plan.toRows()).isEmpty();
	}

	@Test
	void downgradeMinusOneFromTwoCurrentHeadsIsRefused() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> downgrade(BRANCHES, List.of("d", "e"), "-1"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("d", "e"));
	}

	@Test
	void downgradeOfAMergeToOneParentUnmergesAndKeepsTheOtherBranch() {
		Plan plan = downgrade(DIAMOND, List.of("m"), "b");
		assertThat(steps(plan)).containsExactly("downgrade m (unmerge m->c +b)");
		assertThat(plan.toRows()).containsExactlyInAnyOrder("b", "c");
	}

	@Test
	void downgradeOfAMergeToTheBranchPointRemovesBothParents() {
		Plan plan = downgrade(DIAMOND, List.of("m"), "a");
		assertThat(steps(plan)).containsExactly("downgrade m (unmerge m->c +b)", "downgrade c (delete -c)",
				"downgrade b (update b->a)");
		assertThat(plan.toRows()).containsExactly("a");
	}

	@Test
	void downgradeMinusOneFromAMergePointIsRefused() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> downgrade(DIAMOND, List.of("m"), "-1"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("b", "c"));
	}

	@Test
	void downgradeLabelAtMinusOneMovesOnlyThatBranch() {
		Plan plan = downgrade(LABELLED, List.of("c", "e"), "x@-1");
		assertThat(steps(plan)).containsExactly("downgrade c (update c->b)");
		assertThat(plan.toRows()).containsExactlyInAnyOrder("b", "e");
	}

	@Test
	void downgradeLabelAtBaseRemovesThatBranchButKeepsTheSharedRoot() {
		Plan plan = downgrade(LABELLED, List.of("c", "e"), "x@base");
		assertThat(steps(plan)).containsExactly("downgrade c (update c->b)", "downgrade b (delete -b)");
		assertThat(plan.toRows()).containsExactly("e");
	}

	@Test
	void downgradeLabelAtIdStopsAtThatRevision() {
		Plan plan = downgrade(LABELLED, List.of("c", "e"), "y@d");
		assertThat(steps(plan)).containsExactly("downgrade e (update e->d)");
		assertThat(plan.toRows()).containsExactlyInAnyOrder("c", "d");
	}

	@Test
	void downgradeThroughAnIrreversibleRevisionIsRefusedNamingIt() {
		RevisionGraph graph = graph("a", "b<-a irreversible", "c<-b");
		assertThatExceptionOfType(IrreversibleRevisionException.class)
			.isThrownBy(() -> downgrade(graph, List.of("c"), "a"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("b"))
			.withMessageContaining("irreversible");
	}

	@Test
	void downgradeAboveAnIrreversibleRevisionIsAllowed() {
		RevisionGraph graph = graph("a", "b<-a irreversible", "c<-b");
		Plan plan = downgrade(graph, List.of("c"), "b");
		assertThat(steps(plan)).containsExactly("downgrade c (update c->b)");
		assertThat(plan.toRows()).containsExactly("b");
	}

	@Test
	void downgradeOfADependentUnmergesTheDependencyRow() {
		RevisionGraph graph = graph("a", "x", "y<-x depends=a");
		Plan plan = downgrade(graph, List.of("y"), "-1");
		assertThat(steps(plan)).containsExactly("downgrade y (unmerge y->a +x)");
		assertThat(plan.toRows()).containsExactlyInAnyOrder("a", "x");
	}

	@Test
	void downgradeOfADependentWhoseDependencyAnotherRowNeedsOnlyMovesItsOwnRow() {
		RevisionGraph graph = graph("a", "b<-a", "x", "y<-x depends=a");
		Plan plan = downgrade(graph, List.of("b", "y"), "x");
		assertThat(steps(plan)).containsExactly("downgrade y (update y->x)");
		assertThat(plan.toRows()).containsExactlyInAnyOrder("b", "x");
	}

	@Test
	void downgradeBelowADependencyAlsoRevertsItsDependents() {
		RevisionGraph graph = graph("a", "b<-a", "x", "y<-x depends=b");
		Plan plan = downgrade(graph, List.of("y"), "a");
		assertThat(steps(plan)).containsExactly("downgrade y (unmerge y->b +x)", "downgrade b (update b->a)");
		assertThat(plan.toRows()).containsExactlyInAnyOrder("a", "x");
	}

	@Test
	void downgradeOfADependentOnTwoChainedDependenciesRestoresOnlyTheirHead() {
		RevisionGraph graph = graph("a", "b<-a", "x", "y<-x depends=a,b");
		Plan plan = downgrade(graph, List.of("y"), "x");
		assertThat(steps(plan)).containsExactly("downgrade y (unmerge y->b +x)");
		assertThat(plan.toRows()).containsExactlyInAnyOrder("b", "x");
	}

	@Test
	void downgradeFromAnUnknownRowIsRefusedNamingIt() {
		assertThatExceptionOfType(UnknownRevisionException.class)
			.isThrownBy(() -> downgrade(CHAIN, List.of("zz"), "base"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("zz"));
	}

	private static Plan downgrade(RevisionGraph graph, List<String> rows, String target) {
		Plan plan = new Planner(graph).downgrade(rows, target);
		assertThat(plan.fromRows()).isEqualTo(rows);
		assertThat(plan.targets()).containsExactly(target);
		return plan;
	}

}
