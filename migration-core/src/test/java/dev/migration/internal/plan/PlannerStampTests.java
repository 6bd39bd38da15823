package dev.migration.internal.plan;

import java.util.List;

import dev.migration.Direction;
import dev.migration.Plan;
import dev.migration.UnknownRevisionException;
import dev.migration.internal.graph.RevisionGraph;
import org.junit.jupiter.api.Test;

import static dev.migration.internal.graph.TestGraphs.BRANCHES;
import static dev.migration.internal.graph.TestGraphs.CHAIN;
import static dev.migration.internal.graph.TestGraphs.graph;
import static dev.migration.internal.plan.PlanSummary.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PlannerStampTests {

	@Test
	void stampForwardMovesTheRowWithoutOneStepPerRevision() {
		Plan plan = stamp(CHAIN, List.of("a"), false, "c");
		assertThat(plan.direction()).isEqualTo(Direction.STAMP);
		assertThat(steps(plan)).containsExactly("stamp c (stamp a->c)");
		assertThat(plan.toRows()).containsExactly("c");
	}

	@Test
	void stampFromBaseInsertsTheRow() {
		Plan plan = stamp(CHAIN, List.of(), false, "b");
		assertThat(steps(plan)).containsExactly("stamp b (stamp +b)");
		assertThat(plan.toRows()).containsExactly("b");
	}

	@Test
	void stampBackwardOnOneBranchLeavesTheOtherBranch() {
		Plan plan = stamp(BRANCHES, List.of("d", "e"), false, "b");
		assertThat(steps(plan)).containsExactly("stamp b (stamp d->b)");
		assertThat(plan.toRows()).containsExactlyInAnyOrder("b", "e");
	}

	@Test
	void stampOfARevisionOnAnotherBranchAddsItsRow() {
		Plan plan = stamp(BRANCHES, List.of("d"), false, "c");
		assertThat(steps(plan)).containsExactly("stamp c (stamp +c)");
		assertThat(plan.toRows()).containsExactlyInAnyOrder("d", "c");
	}

	@Test
	void stampHeadsTakesOneStepPerHead() {
		Plan plan = stamp(BRANCHES, List.of(), false, "heads");
		assertThat(steps(plan)).containsExactly("stamp d (stamp +d)", "stamp e (stamp +e)");
		assertThat(plan.toRows()).containsExactlyInAnyOrder("d", "e");
	}

	@Test
	void stampOfSeveralTargetsTakesOneStepPerTarget() {
		Plan plan = stamp(BRANCHES, List.of("a"), false, "b", "e");
		assertThat(plan.targets()).containsExactly("b", "e");
		assertThat(steps(plan)).containsExactly("stamp b (stamp a->b)", "stamp e (stamp +e)");
		assertThat(plan.toRows()).containsExactlyInAnyOrder("b", "e");
	}

	@Test
	void stampBaseClearsEveryRow() {
		Plan plan = stamp(BRANCHES, List.of("d", "e"), false, "base");
		assertThat(steps(plan)).containsExactly("stamp base (stamp -d -e)");
		assertThat(plan.toRows()).isEmpty();
	}

	@Test
	void stampRelativeMinusOneMovesTheRowDown() {
		Plan plan = stamp(CHAIN, List.of("c"), false, "-1");
		assertThat(steps(plan)).containsExactly("stamp b (stamp c->b)");
		assertThat(plan.toRows()).containsExactly("b");
	}

	@Test
	void stampToTheCurrentRevisionIsANoOp() {
		Plan plan = stamp(CHAIN, List.of("c"), false, "c");
		assertThat(plan.isEmpty()).isTrue();
		assertThat(plan.toRows()).containsExactly("c");
	}

	@Test
	void stampWithoutPurgeRefusesUnknownRows() {
		assertThatExceptionOfType(UnknownRevisionException.class)
			.isThrownBy(() -> stamp(CHAIN, List.of("zz"), false, "c"))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("zz"));
	}

	@Test
	void stampPurgeReplacesUnknownRows() {
		Plan plan = stamp(CHAIN, List.of("zz", "yy"), true, "c");
		assertThat(steps(plan)).containsExactly("stamp c (stamp -zz yy->c)");
		assertThat(plan.toRows()).containsExactly("c");
	}

	@Test
	void stampPurgeIgnoresTheCurrentRowsOfOtherBranches() {
		Plan plan = stamp(BRANCHES, List.of("d", "e"), true, "b");
		assertThat(steps(plan)).containsExactly("stamp b (stamp -d e->b)");
		assertThat(plan.toRows()).containsExactly("b");
	}

	@Test
	void stampPurgeToBaseClearsUnknownRows() {
		Plan plan = stamp(CHAIN, List.of("zz"), true, "base");
		assertThat(steps(plan)).containsExactly("stamp base (stamp -zz)");
		assertThat(plan.toRows()).isEmpty();
	}

	@Test
	void stampPurgeToTheRowsAlreadyThereChangesNothing() {
		Plan plan = stamp(CHAIN, List.of("c"), true, "c");
		assertThat(steps(plan)).isEmpty();
		assertThat(plan.toRows()).containsExactly("c");
	}

	@Test
	void stampPurgeWithoutTargetsClearsTheTable() {
		Plan plan = stamp(CHAIN, List.of("zz", "c"), true);
		assertThat(steps(plan)).containsExactly("stamp base (stamp -zz -c)");
		assertThat(plan.toRows()).isEmpty();
	}

	@Test
	void stampWithoutTargetsOrPurgeChangesNothing() {
		Plan plan = stamp(CHAIN, List.of("c"), false);
		assertThat(steps(plan)).isEmpty();
		assertThat(plan.toRows()).containsExactly("c");
	}

	private static Plan stamp(RevisionGraph graph, List<String> rows, boolean purge, String... targets) {
		Plan plan = new Planner(graph).stamp(rows, List.of(targets), purge);
		assertThat(plan.fromRows()).isEqualTo(rows);
		return plan;
	}

}
