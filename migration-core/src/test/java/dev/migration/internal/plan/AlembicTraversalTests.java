package dev.migration.internal.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.migration.MigrationException;
import dev.migration.Plan;
import dev.migration.Step;
import dev.migration.TargetException;
import dev.migration.internal.graph.RevisionGraph;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.migration.internal.graph.TestGraphs.graph;
import static dev.migration.internal.plan.PlanSummary.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Alembic's own traversal cases, ported one for one as inline graphs: every test class
 * and method of {@code tests/test_version_traversal.py} in sqlalchemy/alembic (MIT
 * licence), commit 20e58db01cad3432c24734e11b893303cdb687a4, keeps its name here. Each
 * case checks the revisions the plan runs and the version rows it ends with; where
 * Alembic's order between independent branches is an accident of its sort, the order is
 * checked against the graph (ancestors first on upgrade, descendants first on downgrade)
 * instead. Cases where this project deliberately refuses what Alembic guesses are listed
 * in docs/revisions.md.
 */
class AlembicTraversalTests {

	/** RevisionPathTest: a chain a..e. */
	@Nested
	class RevisionPathTest {

		private final RevisionGraph g = graph("a", "b<-a", "c<-b", "d<-c", "e<-d");

		@Test
		void test_downgrade_base_no_version() {
			assertDowngrade(this.g, rows(), "base", List.of(), rows());
		}

		@Test
		void test_downgrade_to_existing() {
			assertDowngrade(this.g, rows("a"), "a", List.of(), rows("a"));
		}

		@Test
		void test_downgrade_to_existing_head() {
			assertDowngrade(this.g, rows("e"), "e", List.of(), rows("e"));
		}

		@Test
		void test_upgrade_path() {
			assertUpgrade(this.g, rows("c"), "e", List.of("d", "e"), rows("e"));
			assertUpgrade(this.g, rows(), "c", List.of("a", "b", "c"), rows("c"));
		}

		@Test
		void test_relative_upgrade_path() {
			assertUpgrade(this.g, rows("a"), "+2", List.of("b", "c"), rows("c"));
			assertUpgrade(this.g, rows("a"), "+1", List.of("b"), rows("b"));
			assertUpgrade(this.g, rows("b"), "+3", List.of("c", "d", "e"), rows("e"));
			assertUpgrade(this.g, rows("a"), "b+2", List.of("b", "c", "d"), rows("d"));
			assertUpgrade(this.g, rows("a"), "d-2", List.of("b"), rows("b"));
		}

		@Test
		void test_invalid_relative_upgrade_path() {
			assertRefused(() -> upgrade(this.g, rows("b"), "-2"), "upgrade only goes up");
			assertRefused(() -> upgrade(this.g, rows("b"), "+5"), "runs off the graph");
		}

		@Test
		void test_downgrade_path() {
			assertDowngrade(this.g, rows("e"), "c", List.of("e", "d"), rows("c"));
			assertDowngrade(this.g, rows("c"), "base", List.of("c", "b", "a"), rows());
		}

		@Test
		void test_relative_downgrade_path() {
			assertDowngrade(this.g, rows("c"), "-1", List.of("c"), rows("b"));
			assertDowngrade(this.g, rows("e"), "-3", List.of("e", "d", "c"), rows("b"));
			assertDowngrade(this.g, rows("d"), "a+2", List.of("d"), rows("c"));
			assertDowngrade(this.g, rows("d"), "c-2", List.of("d", "c", "b"), rows("a"));
		}

		@Test
		void test_invalid_relative_downgrade_path() {
			assertRefused(() -> downgrade(this.g, rows("b"), "-5"), "below base");
			assertRefused(() -> downgrade(this.g, rows("b"), "+2"), "downgrade only goes down");
		}

		@Test
		void test_invalid_move_rev_to_none() {
			assertRefused(() -> downgrade(this.g, rows(), "b"), "not applied");
		}

		@Test
		void test_invalid_move_higher_to_lower() {
			assertRefused(() -> downgrade(this.g, rows("b"), "c"), "not applied");
		}

		@Test
		void test_stamp_to_base() {
			Plan plan = new Planner(this.g).stamp(rows("d"), List.of("base"), false);
			assertThat(steps(plan)).containsExactly("stamp base (stamp -d)");
			assertThat(plan.toRows()).isEmpty();
		}

	}

	/** BranchedPathTest: a, b, then c1branch = c1, d1 and c2branch = c2, d2 off b. */
	@Nested
	class BranchedPathTest {

		private final RevisionGraph g = graph("a", "b<-a", "c1<-b label=c1branch", "d1<-c1", "c2<-b label=c2branch",
				"d2<-c2");

		@Test
		void test_stamp_down_across_multiple_branch_to_branchpoint() {
			assertStamp(this.g, rows("d1", "c2"), "b", Set.of("d1", "c2"), rows("b"));
		}

		@Test
		void test_stamp_to_labeled_base_multiple_heads() {
			assertStamp(this.g, rows("d1", "c2"), "c1branch@base", Set.of("d1"), rows("c2"));
		}

		@Test
		void test_stamp_to_labeled_head_multiple_heads() {
			assertStamp(this.g, rows("d1", "c2"), "c2branch@head", Set.of("c2"), rows("d1", "d2"));
		}

		@Test
		void test_upgrade_single_branch() {
			assertUpgrade(this.g, rows("b"), "d1", List.of("c1", "d1"), rows("d1"));
		}

		@Test
		void test_upgrade_multiple_branch() {
			assertUpgrade(this.g, rows("a"), "heads", List.of("b", "c2", "d2", "c1", "d1"), rows("d1", "d2"));
		}

		@Test
		void test_downgrade_multiple_branch() {
			assertDowngrade(this.g, rows("d1", "d2"), "a", List.of("d1", "c1", "d2", "c2", "b"), rows("a"));
		}

		@Test
		void test_relative_upgrade() {
			assertUpgrade(this.g, rows("b"), "c2branch@head-1", List.of("c2"), rows("c2"));
		}

		@Test
		void test_relative_downgrade_baseplus2() {
			assertDowngrade(this.g, rows("d2", "d1"), "base+2", List.of("d1", "c1", "d2", "c2"), rows("b"));
		}

		@Test
		void test_relative_downgrade_branchplus2() {
			assertDowngrade(this.g, rows("d2", "d1"), "c2branch@base+2", List.of("d2", "c2"), rows("d1"));
		}

		@Test
		void test_relative_downgrade_branchplus3() {
			assertDowngrade(this.g, rows("d2", "d1"), "c2", List.of("d2"), rows("d1", "c2"));
			assertDowngrade(this.g, rows("d2", "d1"), "c2branch@base+3", List.of("d2"), rows("d1", "c2"));
		}

		/**
		 * Deliberate difference: Alembic warns and reverts the first row's branch; this
		 * project refuses. Alembic's test_downgrade_once_order_right, _right_unbalanced,
		 * _left and _left_unbalanced, in that order.
		 */
		@ParameterizedTest
		@CsvSource({ "d2, d1", "c2, d1", "d1, d2", "c1, d2" })
		void test_downgrade_once_order(String first, String second) {
			assertRefusedListing(() -> downgrade(this.g, rows(first, second), "-1"), first, second);
		}

		@Test
		void test_downgrade_once_order_left_unbalanced_labelled() {
			assertDowngrade(this.g, rows("d1", "d2"), "c1branch@-1", List.of("d1"), rows("c1", "d2"));
		}

		@Test
		void test_downgrade_relative_order_right() {
			assertDowngrade(this.g, rows("d2", "c1"), "d2-1", List.of("d2"), rows("c1", "c2"));
		}

		@Test
		void test_downgrade_relative_order_left() {
			assertDowngrade(this.g, rows("c1", "d2"), "d2-1", List.of("d2"), rows("c1", "c2"));
		}

		@Test
		void test_downgrade_single_branch_c1branch() {
			assertDowngrade(this.g, rows("c1", "d2"), "c1branch@b", List.of("c1"), rows("d2"));
		}

		@Test
		void test_downgrade_single_branch_c1branch_from_d1_head() {
			assertDowngrade(this.g, rows("c1", "d2"), "c2branch@b", List.of("d2", "c2"), rows("c1"));
		}

		@Test
		void test_downgrade_single_branch_c2() {
			assertDowngrade(this.g, rows("d1", "d2"), "c2@b", List.of("d2", "c2"), rows("d1"));
		}

		@Test
		void test_downgrade_single_branch_d1() {
			assertDowngrade(this.g, rows("d1", "d2"), "d1@b", List.of("d1", "c1"), rows("d2"));
		}

		@Test
		void test_downgrade_relative_to_branch_head() {
			assertDowngrade(this.g, rows("d1", "d2"), "c1branch@head-1", List.of("d1"), rows("c1", "d2"));
		}

		@Test
		void test_upgrade_other_branch_from_mergepoint() {
			assertUpgrade(this.g, rows("c1"), "c2branch@+1", List.of("c2"), rows("c1", "c2"));
		}

		@Test
		void test_upgrade_one_branch_of_heads() {
			assertUpgrade(this.g, rows("c1", "c2"), "c2branch@+1", List.of("d2"), rows("c1", "d2"));
		}

		@Test
		void test_ambiguous_upgrade() {
			assertRefusedListing(() -> upgrade(this.g, rows("c1", "c2"), "+1"), "c1", "c2");
		}

		@Test
		void test_upgrade_from_base() {
			assertUpgrade(this.g, rows(), "base+1", List.of("a"), rows("a"));
		}

		@Test
		void test_upgrade_from_base_implicit() {
			assertUpgrade(this.g, rows(), "+1", List.of("a"), rows("a"));
		}

		@Test
		void test_downgrade_minus1_to_base() {
			assertDowngrade(this.g, rows("a"), "-1", List.of("a"), rows());
		}

		@Test
		void test_downgrade_minus1_from_base() {
			assertRefused(() -> downgrade(this.g, rows(), "-1"), "below base");
		}

		@Test
		void test_downgrade_no_effect_branched() {
			assertDowngrade(this.g, rows("d1", "c2"), "c2", List.of(), rows("d1", "c2"));
			assertDowngrade(this.g, rows("d1", "c2"), "d1", List.of(), rows("d1", "c2"));
		}

	}

	/**
	 * BranchFromMergepointTest: two roots, a merge d1 of c1 and c2, and c2 going on to
	 * d2.
	 */
	@Nested
	class BranchFromMergepointTest {

		private final RevisionGraph g = graph("a1", "b1<-a1", "c1<-b1", "a2", "b2<-a2", "c2<-b2", "d1<-c1,c2",
				"d2<-c2");

		@Test
		void test_mergepoint_to_only_one_side_upgrade() {
			assertUpgrade(this.g, rows("d2", "b1"), "d1", List.of("c1", "d1"), rows("d2", "d1"));
		}

		@Test
		void test_mergepoint_to_only_one_side_downgrade() {
			assertDowngrade(this.g, rows("d2", "d1"), "b1", List.of("d1", "c1"), rows("d2", "b1"));
		}

	}

	/**
	 * BranchFrom3WayMergepointTest: three roots, a merge d1 of c1, c2, c3, and c2, c3
	 * going on.
	 */
	@Nested
	class BranchFrom3WayMergepointTest {

		private final RevisionGraph g = graph("a1", "b1<-a1", "c1<-b1", "a2", "b2<-a2", "c2<-b2", "a3", "b3<-a3",
				"c3<-b3", "d1<-c1,c2,c3", "d2<-c2", "d3<-c3");

		@Test
		void test_mergepoint_to_only_one_side_upgrade() {
			assertUpgrade(this.g, rows("d3", "d2", "b1"), "d1", List.of("c1", "d1"), rows("d3", "d2", "d1"));
		}

		@Test
		void test_mergepoint_to_only_one_side_downgrade() {
			assertDowngrade(this.g, rows("d3", "d2", "d1"), "b1", List.of("d1", "c1"), rows("d3", "d2", "b1"));
		}

		@Test
		void test_mergepoint_to_two_sides_upgrade() {
			assertUpgrade(this.g, rows("d3", "b2", "b1"), "d1", List.of("c2", "c1", "d1"), rows("d3", "d1"));
			assertUpgrade(this.g, rows("d3", "d1"), "d2", List.of("d2"), rows("d3", "d2", "d1"));
		}

	}

	/**
	 * TwinMergeTest (Alembic #297): two merge points of the same three branches; and
	 * NotQuiteTwinMergeTest, a variant with overlapping merges. Both upgrade from a to
	 * both heads, every step leaving only heads behind.
	 */
	@Nested
	class TwinMergeTest {

		static Stream<Arguments> graphs() {
			return Stream.of(
					argumentSet("TwinMergeTest",
							graph("a", "b1<-a", "b2<-a", "b3<-a", "c1<-b1,b2,b3", "c2<-b1,b2,b3", "d1<-c1", "d2<-c2")),
					argumentSet("NotQuiteTwinMergeTest",
							graph("a", "b1<-a", "b2<-a", "b3<-a", "c1<-b1,b2", "c2<-b2,b3", "d1<-c1", "d2<-c2")));
		}

		@ParameterizedTest
		@MethodSource("graphs")
		void test_upgrade(RevisionGraph g) {
			Plan plan = upgrade(g, rows("a"), "heads");
			assertRowsAreHeadsAfterEachStep(g, plan);
			assertThat(plan.toRows()).containsExactlyInAnyOrder("d1", "d2");
		}

	}

	/** DependsOnBranchTestOne: lib1 = a1..f1, and a2, b2, c2 where c2 depends on c1. */
	@Nested
	class DependsOnBranchTestOne {

		private final RevisionGraph g = graph("a1 label=lib1", "b1<-a1", "c1<-b1", "a2", "b2<-a2", "c2<-b2 depends=c1",
				"d1<-c1", "e1<-d1", "f1<-e1");

		@Test
		void test_downgrade_to_dependency() {
			assertDowngrade(this.g, rows("c2", "d1"), "c1", List.of("d1"), rows("c2"));
		}

		@Test
		void test_stamp_across_dependency() {
			Plan plan = new Planner(this.g).stamp(rows("e1", "c2"), List.of("b1"), false);
			steps(plan);
			assertThat(plan.toRows()).containsExactly("b1");
		}

	}

	/**
	 * DependsOnBranchTestTwo: three merges of independent roots and an overmerge d1
	 * depending on a3, b2, c1.
	 */
	@Nested
	class DependsOnBranchTestTwo {

		private final RevisionGraph g = graph("a1", "a2", "a3", "amerge<-a1,a2,a3", "b1", "b2", "bmerge<-b1,b2", "c1",
				"c2", "c3", "cmerge<-c1,c2,c3", "d1 depends=a3,b2,c1");

		@Test
		void test_kaboom() {
			assertDowngrade(this.g, rows("amerge", "bmerge", "cmerge", "d1"), "b2", List.of("bmerge"),
					rows("amerge", "b1", "cmerge", "d1"));
			assertDowngrade(this.g, rows("amerge", "d1", "b1", "cmerge"), "d1@base", List.of("d1"),
					rows("amerge", "b1", "b2", "cmerge"));
			assertDowngrade(this.g, rows("amerge", "b1", "b2", "cmerge"), "base",
					List.of("amerge", "a1", "b1", "b2", "cmerge", "c1", "a2", "a3", "c2", "c3"), rows());
		}

	}

	/**
	 * DependsOnBranchTestThree (Alembic #377): a criss-cross of dependencies between two
	 * chains.
	 */
	@Nested
	class DependsOnBranchTestThree {

		private final RevisionGraph g = graph("a1", "a2<-a1", "b1", "b2<-b1 depends=a2", "b3<-b2", "a3<-a2 depends=b1");

		@Test
		void test_downgrade_over_crisscross() {
			assertDowngrade(this.g, rows("a3", "b2"), "b1", List.of("b2"), rows("a3"));
		}

	}

	/** DependsOnOwnDownrevTest (Alembic #843): a2 depends on its own down revision. */
	@Nested
	class DependsOnOwnDownrevTest {

		private final RevisionGraph g = graph("a1", "a2<-a1 depends=a1");

		@Test
		void test_traverse() {
			assertUpgrade(this.g, rows(), "a2", List.of("a1", "a2"), rows("a2"));
		}

		@Test
		void test_traverse_down() {
			assertDowngrade(this.g, rows("a2"), "a1", List.of("a2"), rows("a1"));
		}

	}

	/** DependsOnBranchTestFour (Alembic #789): b2 and b4 both depend on a3. */
	@Nested
	class DependsOnBranchTestFour {

		private final RevisionGraph g = graph("a1", "a2<-a1", "a3<-a2", "b1", "b2<-b1 depends=a3", "b3<-b2",
				"b4<-b3 depends=a3");

		@Test
		void test_dependencies_are_normalized() {
			assertDowngrade(this.g, rows("b4"), "b3", List.of("b4"), rows("b3"));
		}

	}

	/** DependsOnBranchTestFive (Alembic #1373): b1 depends on a1, bmerge merges both. */
	@Nested
	class DependsOnBranchTestFive {

		private final RevisionGraph g = graph("a1", "b1 depends=a1", "bmerge<-a1,b1");

		@Test
		void test_downgrade_to_depends_on() {
			assertUpgrade(this.g, rows("a1"), "b1", List.of("b1"), rows("b1"));
			assertUpgrade(this.g, rows("b1"), "bmerge", List.of("bmerge"), rows("bmerge"));
			assertDowngrade(this.g, rows("bmerge"), "a1", List.of("bmerge"), rows("b1"));
			assertDowngrade(this.g, rows("bmerge"), "b1", List.of("bmerge"), rows("b1"));
		}

	}

	/**
	 * DependsOnBranchLabelTest: c2 depends on a branch label (c1lib), which resolves to
	 * c1.
	 */
	@Nested
	class DependsOnBranchLabelTest {

		private final RevisionGraph g = graph("a1 label=lib1", "b1<-a1", "c1<-b1 label=c1lib", "a2", "b2<-a2",
				"c2<-b2 depends=c1", "d1<-c1", "e1<-d1", "f1<-e1");

		@Test
		void test_upgrade_path() {
			assertUpgrade(this.g, rows("a2"), "c2", List.of("a1", "b1", "c1", "b2", "c2"), rows("c2"));
		}

	}

	/** ForestTest: two independent chains. */
	@Nested
	class ForestTest {

		private final RevisionGraph g = graph("a1", "b1<-a1", "a2", "b2<-a2");

		@Test
		void test_base_to_heads() {
			assertUpgrade(this.g, rows(), "heads", List.of("a2", "b2", "a1", "b1"), rows("b1", "b2"));
		}

		@Test
		void test_stamp_to_heads() {
			Plan plan = new Planner(this.g).stamp(rows(), List.of("heads"), false);
			assertThat(steps(plan)).containsExactlyInAnyOrder("stamp b1 (stamp +b1)", "stamp b2 (stamp +b2)");
			assertThat(plan.toRows()).containsExactlyInAnyOrder("b1", "b2");
		}

		@Test
		void test_stamp_to_heads_no_moves_needed() {
			Plan plan = new Planner(this.g).stamp(rows("b1", "b2"), List.of("heads"), false);
			assertThat(plan.steps()).isEmpty();
		}

	}

	/**
	 * MergedPathTest: branches c1, d1 and c2branch = c2, d2 off b, merged by e, then f.
	 */
	@Nested
	class MergedPathTest {

		private final RevisionGraph g = graph("a", "b<-a", "c1<-b", "d1<-c1", "c2<-b label=c2branch", "d2<-c2",
				"e<-d1,d2", "f<-e");

		@Test
		void test_stamp_down_across_merge_point_branch() {
			assertStamp(this.g, rows("e"), "c2", Set.of("e"), rows("c2"));
		}

		@Test
		void test_stamp_down_across_merge_prior_branching() {
			assertStamp(this.g, rows("e"), "a", Set.of("e"), rows("a"));
		}

		@Test
		void test_stamp_up_across_merge_from_single_branch() {
			assertStamp(this.g, rows("c2"), "e", Set.of("c2"), rows("e"));
		}

		@Test
		void test_stamp_labeled_head_across_merge_from_multiple_branch() {
			assertStamp(this.g, rows("d1", "c2"), "c2branch@head", Set.of("d1", "c2"), rows("f"));
		}

		@Test
		void test_stamp_up_across_merge_from_multiple_branch() {
			assertStamp(this.g, rows("d1", "c2"), "e", Set.of("d1", "c2"), rows("e"));
		}

		@Test
		void test_stamp_up_across_merge_prior_branching() {
			assertStamp(this.g, rows("b"), "e", Set.of("b"), rows("e"));
		}

		@Test
		void test_upgrade_across_merge_point() {
			assertUpgrade(this.g, rows("b"), "f", List.of("c2", "d2", "c1", "d1", "e", "f"), rows("f"));
		}

		@Test
		void test_downgrade_across_merge_point() {
			assertDowngrade(this.g, rows("f"), "b", List.of("f", "e", "d1", "c1", "d2", "c2"), rows("b"));
		}

	}

	/** BranchedPathTestCrossDependencies: c2branch's d2 depends on c1branch's c1. */
	@Nested
	class BranchedPathTestCrossDependencies {

		private final RevisionGraph g = graph("a", "b<-a", "c1<-b label=c1branch", "d1<-c1", "c2<-b label=c2branch",
				"d2<-c2 depends=c1");

		@Test
		void test_downgrade_independent_branch() {
			assertDowngrade(this.g, rows("d1", "d2"), "c2branch@b", List.of("d2", "c2"), rows("d1"));
		}

		@Test
		void test_downgrade_branch_dependency() {
			assertDowngrade(this.g, rows("d1", "d2"), "c1branch@b", List.of("d1", "d2", "c1"), rows("c2"));
		}

	}

	private static List<String> rows(String... rows) {
		return List.of(rows);
	}

	private static Plan upgrade(RevisionGraph graph, List<String> rows, String target) {
		return new Planner(graph).upgrade(rows, target);
	}

	private static Plan downgrade(RevisionGraph graph, List<String> rows, String target) {
		return new Planner(graph).downgrade(rows, target);
	}

	private static void assertUpgrade(RevisionGraph graph, List<String> rows, String target, List<String> alembicSteps,
			List<String> expectedRows) {
		Plan plan = upgrade(graph, rows, target);
		assertSteps(graph, plan, alembicSteps, true);
		assertThat(plan.toRows()).as("rows after upgrade %s from %s", target, rows)
			.containsExactlyInAnyOrderElementsOf(expectedRows);
	}

	private static void assertDowngrade(RevisionGraph graph, List<String> rows, String target,
			List<String> alembicSteps, List<String> expectedRows) {
		Plan plan = downgrade(graph, rows, target);
		assertSteps(graph, plan, alembicSteps, false);
		assertThat(plan.toRows()).as("rows after downgrade %s from %s", target, rows)
			.containsExactlyInAnyOrderElementsOf(expectedRows);
	}

	/**
	 * The same revisions as Alembic, each after (upgrade) or before (downgrade) every
	 * revision it needs; Alembic's order between independent branches follows its own
	 * sort and is not part of the contract.
	 */
	private static void assertSteps(RevisionGraph graph, Plan plan, List<String> alembicSteps, boolean upward) {
		steps(plan);
		List<String> ran = new ArrayList<>();
		for (Step step : plan.steps()) {
			ran.add(step.revision());
		}
		assertThat(ran).as("revisions run").containsExactlyInAnyOrderElementsOf(alembicSteps);
		for (int i = 0; i < ran.size(); i++) {
			for (int j = i + 1; j < ran.size(); j++) {
				String first = ran.get(i);
				String later = ran.get(j);
				boolean wrongOrder = upward ? graph.ancestors(List.of(first)).contains(later)
						: graph.ancestors(List.of(later)).contains(first);
				assertThat(wrongOrder).as("%s before %s in %s", first, later, ran).isFalse();
			}
		}
	}

	/**
	 * One stamp step that replaces exactly {@code replaced} (Alembic's deletes plus its
	 * updated row).
	 */
	private static void assertStamp(RevisionGraph graph, List<String> rows, String target, Set<String> replaced,
			List<String> expectedRows) {
		Plan plan = new Planner(graph).stamp(rows, List.of(target), false);
		steps(plan);
		assertThat(plan.steps()).as("stamp %s from %s", target, rows).hasSize(1);
		assertThat(plan.steps().get(0).from()).containsExactlyInAnyOrderElementsOf(replaced);
		assertThat(plan.toRows()).containsExactlyInAnyOrderElementsOf(expectedRows);
	}

	private static void assertRowsAreHeadsAfterEachStep(RevisionGraph graph, Plan plan) {
		Set<String> rows = new LinkedHashSet<>(plan.fromRows());
		Set<String> applied = new HashSet<>(graph.ancestors(rows));
		for (Step step : plan.steps()) {
			step.versionChange().deletes().forEach(rows::remove);
			if (step.versionChange().hasUpdate()) {
				rows.remove(step.versionChange().updateFrom());
				rows.add(step.versionChange().updateTo());
			}
			rows.addAll(step.versionChange().inserts());
			applied.add(step.revision());
			assertThat(rows).as("rows after %s", step.revision())
				.containsExactlyInAnyOrderElementsOf(graph.headsOf(applied));
		}
	}

	private static void assertRefused(Runnable planning, String reason) {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(planning::run)
			.withMessageContaining(reason)
			.withMessageContaining("Nothing was run");
	}

	private static void assertRefusedListing(Runnable planning, String... choices) {
		assertThatExceptionOfType(TargetException.class).isThrownBy(planning::run)
			.satisfies((ex) -> assertThat(ex.revisions()).containsExactlyInAnyOrder(choices));
	}

}
