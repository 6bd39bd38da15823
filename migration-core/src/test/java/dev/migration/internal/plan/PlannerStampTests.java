package dev.migration.internal.plan;

import java.util.List;
import java.util.stream.Stream;

import dev.migration.Direction;
import dev.migration.UnknownRevisionException;
import dev.migration.internal.graph.RevisionGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.migration.internal.graph.TestGraphs.BRANCHES;
import static dev.migration.internal.graph.TestGraphs.CHAIN;
import static dev.migration.internal.plan.PlanSummary.assertPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class PlannerStampTests {

	/**
	 * Graph, rows, purge, targets, then the expected steps in order and the rows after
	 * them.
	 */
	static Stream<Arguments> stamps() {
		return Stream.of(
				argumentSet("stampForwardMovesTheRowWithoutOneStepPerRevision", CHAIN, List.of("a"), false,
						List.of("c"), List.of("stamp c (stamp a->c)"), List.of("c")),
				argumentSet("stampFromBaseInsertsTheRow", CHAIN, List.of(), false, List.of("b"),
						List.of("stamp b (stamp +b)"), List.of("b")),
				argumentSet("stampBackwardOnOneBranchLeavesTheOtherBranch", BRANCHES, List.of("d", "e"), false,
						List.of("b"), List.of("stamp b (stamp d->b)"), List.of("b", "e")),
				argumentSet("stampOfARevisionOnAnotherBranchAddsItsRow", BRANCHES, List.of("d"), false, List.of("c"),
						List.of("stamp c (stamp +c)"), List.of("d", "c")),
				argumentSet("stampHeadsTakesOneStepPerHead", BRANCHES, List.of(), false, List.of("heads"),
						List.of("stamp d (stamp +d)", "stamp e (stamp +e)"), List.of("d", "e")),
				argumentSet("stampOfSeveralTargetsTakesOneStepPerTarget", BRANCHES, List.of("a"), false,
						List.of("b", "e"), List.of("stamp b (stamp a->b)", "stamp e (stamp +e)"), List.of("b", "e")),
				argumentSet("stampBaseClearsEveryRow", BRANCHES, List.of("d", "e"), false, List.of("base"),
						List.of("stamp base (stamp -d -e)"), List.of()),
				argumentSet("stampRelativeMinusOneMovesTheRowDown", CHAIN, List.of("c"), false, List.of("-1"),
						List.of("stamp b (stamp c->b)"), List.of("b")),
				argumentSet("stampToTheCurrentRevisionIsANoOp", CHAIN, List.of("c"), false, List.of("c"), List.of(),
						List.of("c")),
				argumentSet("stampPurgeReplacesUnknownRows", CHAIN, List.of("zz", "yy"), true, List.of("c"),
						List.of("stamp c (stamp -zz yy->c)"), List.of("c")),
				argumentSet("stampPurgeIgnoresTheCurrentRowsOfOtherBranches", BRANCHES, List.of("d", "e"), true,
						List.of("b"), List.of("stamp b (stamp -d e->b)"), List.of("b")),
				argumentSet("stampPurgeToBaseClearsUnknownRows", CHAIN, List.of("zz"), true, List.of("base"),
						List.of("stamp base (stamp -zz)"), List.of()),
				argumentSet("stampPurgeToTheRowsAlreadyThereChangesNothing", CHAIN, List.of("c"), true, List.of("c"),
						List.of(), List.of("c")),
				argumentSet("stampPurgeWithoutTargetsClearsTheTable", CHAIN, List.of("zz", "c"), true, List.of(),
						List.of("stamp base (stamp -zz -c)"), List.of()),
				argumentSet("stampWithoutTargetsOrPurgeChangesNothing", CHAIN, List.of("c"), false, List.of(),
						List.of(), List.of("c")));
	}

	@ParameterizedTest
	@MethodSource("stamps")
	void stamp(RevisionGraph graph, List<String> rows, boolean purge, List<String> targets, List<String> steps,
			List<String> toRows) {
		assertPlan(new Planner(graph).stamp(rows, targets, purge), Direction.STAMP, rows, targets, steps, toRows);
	}

	@Test
	void stampWithoutPurgeRefusesUnknownRows() {
		assertThatExceptionOfType(UnknownRevisionException.class)
			.isThrownBy(() -> new Planner(CHAIN).stamp(List.of("zz"), List.of("c"), false))
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactly("zz"));
	}

}
