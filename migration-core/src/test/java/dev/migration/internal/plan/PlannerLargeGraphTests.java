package dev.migration.internal.plan;

import java.util.List;

import dev.migration.Plan;
import dev.migration.internal.graph.RevisionGraph;
import org.junit.jupiter.api.Test;

import static dev.migration.internal.graph.TestGraphs.chain;
import static dev.migration.internal.plan.PlanSummary.steps;
import static org.assertj.core.api.Assertions.assertThat;

class PlannerLargeGraphTests {

	private static final int LENGTH = 10_000;

	private final Planner planner = new Planner(RevisionGraph.of(chain(LENGTH)));

	@Test
	void upgradeHeadsFromBaseOnATenThousandRevisionChainAppliesEveryRevisionInOrder() {
		Plan plan = this.planner.upgrade(List.of(), "heads");
		List<String> steps = steps(plan);
		assertThat(steps).hasSize(LENGTH);
		assertThat(steps.get(0)).isEqualTo("upgrade r0 (insert +r0)");
		assertThat(steps.get(5_000)).isEqualTo("upgrade r5000 (update r4999->r5000)");
		assertThat(steps.get(LENGTH - 1)).isEqualTo("upgrade r9999 (update r9998->r9999)");
		assertThat(plan.toRows()).containsExactly("r9999");
	}

	@Test
	void downgradeToBaseFromTheHeadOfATenThousandRevisionChainRevertsEveryRevisionInOrder() {
		Plan plan = this.planner.downgrade(List.of("r9999"), "base");
		List<String> steps = steps(plan);
		assertThat(steps).hasSize(LENGTH);
		assertThat(steps.get(0)).isEqualTo("downgrade r9999 (update r9999->r9998)");
		assertThat(steps.get(LENGTH - 1)).isEqualTo("downgrade r0 (delete -r0)");
		assertThat(plan.toRows()).isEmpty();
	}

	@Test
	void relativeWalkAcrossTheWholeTenThousandRevisionChainReachesTheOtherEnd() {
		Plan plan = this.planner.downgrade(List.of("r9999"), "-9999");
		assertThat(plan.steps()).hasSize(LENGTH - 1);
		assertThat(plan.toRows()).containsExactly("r0");
	}

}
