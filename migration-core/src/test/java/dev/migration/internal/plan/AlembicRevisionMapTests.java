package dev.migration.internal.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migration.InvalidGraphException;
import dev.migration.MigrationException;
import dev.migration.MultipleHeadsException;
import dev.migration.Plan;
import dev.migration.Step;
import dev.migration.TargetException;
import dev.migration.internal.graph.Destination;
import dev.migration.internal.graph.RevisionGraph;
import dev.migration.internal.graph.TargetResolver;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.migration.internal.graph.TestGraphs.graph;
import static dev.migration.internal.plan.PlanSummary.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Alembic's revision map cases, ported as inline graphs: the test classes and methods of
 * {@code tests/test_revision.py} in sqlalchemy/alembic (MIT licence), commit
 * 20e58db01cad3432c24734e11b893303cdb687a4, under their own names. Alembic's
 * {@code get_revision(s)} is {@link TargetResolver#resolve}; its
 * {@code iterate_revisions(upper, lower)} is the plan that connects the two: by default
 * (and with {@code select_for_downgrade}) the downgrade from the rows {@code upper} names
 * to {@code lower}, plus {@code lower} itself when inclusive; with {@code implicit_base}
 * the upgrade from {@code lower} to {@code upper}. Revisions are compared as sets and
 * their order against the graph. Cases of Python API alone (byte strings, {@code repr},
 * {@code add_revision} on a live map, a corrupted map) and the deliberate differences are
 * listed in docs/revisions.md.
 */
class AlembicRevisionMapTests {

	@Nested
	class APITest {

		private final RevisionGraph chain = graph("a", "b<-a", "c<-b");

		private final RevisionGraph fork = graph("a", "b<-a", "c1<-b", "c2<-b");

		@Test
		void test_add_revision_one_head() {
			assertThat(this.chain.heads()).containsExactly("c");
			assertThat(graph("a", "b<-a", "c<-b", "d<-c").heads()).containsExactly("d");
		}

		@Test
		void test_add_revision_two_head() {
			assertThat(this.fork.heads()).containsExactlyInAnyOrder("c1", "c2");
			assertThat(graph("a", "b<-a", "c1<-b", "c2<-b", "d1<-c1").heads()).containsExactlyInAnyOrder("c2", "d1");
		}

		@Test
		void test_get_revision_head_single() {
			assertThat(resolve(this.chain, "head")).containsExactly("c");
		}

		@Test
		void test_get_revision_base_single() {
			assertThat(resolve(this.chain, "base")).isEmpty();
		}

		@Test
		void test_get_revision_head_multiple() {
			assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> resolve(this.fork, "head"));
		}

		/**
		 * {@code get_revision("heads")} wants one revision: here that is a walk from
		 * {@code heads}.
		 */
		@Test
		void test_get_revision_heads_multiple() {
			assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> resolve(this.fork, "heads-1"));
		}

		@Test
		void test_get_revisions_head_multiple() {
			assertThatExceptionOfType(MultipleHeadsException.class).isThrownBy(() -> resolve(this.fork, "head"));
		}

		@Test
		void test_get_revisions_heads_multiple() {
			assertThat(resolve(this.fork, "heads")).containsExactlyInAnyOrder("c1", "c2");
		}

		@Test
		void test_get_revision_base_multiple() {
			assertThat(resolve(graph("a", "b<-a", "c", "d<-c"), "base")).isEmpty();
		}

		@Test
		void test_iterate_tolerates_dupe_targets() {
			assertIteration(this.chain, List.of("c", "c"), List.of("a"), List.of("c", "b"), Mode.EXCLUSIVE);
		}

	}

	@Nested
	class DiamondTest {

		@Test
		void test_iterate_simple_diamond() {
			assertIteration(graph("a", "b1<-a", "b2<-a", "c<-b1,b2", "d<-c"), List.of("d"), List.of("a"),
					List.of("d", "c", "b1", "b2", "a"), Mode.RANGE);
		}

	}

	@Nested
	class EmptyMapTest {

		@Test
		void test_iterate() {
			assertIteration(graph(), List.of("head"), List.of("base"), List.of(), Mode.RANGE);
			assertThat(new Planner(graph()).upgrade(List.of(), "head").steps()).isEmpty();
		}

	}

	@Nested
	class LabeledBranchTest {

		private final RevisionGraph g = graph("a label=abranch", "b<-a", "somelongername<-b", "c<-somelongername", "d",
				"e<-d label=ebranch", "someothername<-e", "f<-someothername");

		@Test
		void test_dupe_branch_collection() {
			assertThatExceptionOfType(InvalidGraphException.class)
				.isThrownBy(() -> graph("a", "b<-a", "c<-b label=xy1", "d", "e<-d label=xy1", "f<-e"))
				.withMessageContaining("xy1");
		}

		/**
		 * filter_for_lineage, as stamp uses it: every row shares the lineage of
		 * c1branch@head, the merge d.
		 */
		@Test
		void test_filter_for_lineage_labeled_head_across_merge() {
			RevisionGraph merged = graph("a", "b<-a", "c1<-b label=c1branch", "c2<-b", "d<-c1,c2");
			Plan plan = new Planner(merged).stamp(List.of("c1", "c2"), List.of("c1branch@head"), false);
			steps(plan);
			assertThat(plan.steps()).hasSize(1);
			assertThat(plan.toRows()).containsExactly("d");
		}

		/**
		 * filter_for_lineage with "heads", as stamp uses it: f is already a head, c gets
		 * its row.
		 */
		@Test
		void test_filter_for_lineage_heads() {
			Plan plan = new Planner(this.g).stamp(List.of("f"), List.of("heads"), false);
			assertThat(steps(plan)).containsExactly("stamp c (stamp +c)");
			assertThat(plan.toRows()).containsExactlyInAnyOrder("c", "f");
		}

		@Test
		void test_get_base_revisions_labeled() {
			assertThat(destination(this.g, "somelongername@base").removedRoots()).containsExactly("a");
		}

		@Test
		void test_get_current_named_rev() {
			assertThat(resolve(this.g, "ebranch@head")).containsExactly("f");
		}

		@Test
		void test_get_base_revisions() {
			assertThat(destination(this.g, "base").removedRoots()).containsExactlyInAnyOrder("a", "d");
		}

		@Test
		void test_iterate_head_to_named_base() {
			assertIteration(this.g, List.of("heads"), List.of("ebranch@base"), List.of("f", "someothername", "e", "d"),
					Mode.RANGE);
			assertIteration(this.g, List.of("heads"), List.of("abranch@base"), List.of("c", "somelongername", "b", "a"),
					Mode.RANGE);
		}

		@Test
		void test_iterate_named_head_to_base() {
			assertIteration(this.g, List.of("ebranch@head"), List.of("base"), List.of("f", "someothername", "e", "d"),
					Mode.RANGE);
			assertIteration(this.g, List.of("abranch@head"), List.of("base"), List.of("c", "somelongername", "b", "a"),
					Mode.RANGE);
		}

		@Test
		void test_iterate_named_head_to_heads() {
			assertIteration(this.g, List.of("heads"), List.of("ebranch@head"), List.of("f"), Mode.RANGE);
		}

		@Test
		void test_iterate_named_rev_to_heads() {
			assertIteration(this.g, List.of("heads"), List.of("ebranch@d"), List.of("f", "someothername", "e", "d"),
					Mode.RANGE);
		}

		@Test
		void test_iterate_head_to_version_specific_base() {
			assertIteration(this.g, List.of("heads"), List.of("e@base"), List.of("f", "someothername", "e", "d"),
					Mode.RANGE);
			assertIteration(this.g, List.of("heads"), List.of("c@base"), List.of("c", "somelongername", "b", "a"),
					Mode.RANGE);
		}

		@Test
		void test_iterate_to_branch_at_rev() {
			assertIteration(this.g, List.of("heads"), List.of("ebranch@d"), List.of("f", "someothername", "e", "d"),
					Mode.RANGE);
		}

		@Test
		void test_branch_w_down_relative() {
			assertIteration(this.g, List.of("heads"), List.of("ebranch@-2"), List.of("f", "someothername", "e"),
					Mode.RANGE);
		}

		@Test
		void test_branch_w_up_relative() {
			assertIteration(this.g, List.of("ebranch@+2"), List.of("base"), List.of("e", "d"), Mode.UPGRADE);
		}

		@Test
		void test_partial_id_resolve() {
			assertThat(resolve(this.g, "ebranch@some")).containsExactly("someothername");
			assertThat(resolve(this.g, "abranch@some")).containsExactly("somelongername");
		}

		@Test
		void test_partial_id_resolve_too_short() {
			assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(this.g, "ebranch@sos"))
				.withMessageContaining("No revision 'sos'");
		}

		@Test
		void test_branch_at_heads() {
			assertThat(resolve(this.g, "abranch@heads")).containsExactly("c");
		}

		@Test
		void test_branch_at_syntax() {
			assertThat(resolve(this.g, "abranch@head")).containsExactly("c");
			assertThat(resolve(this.g, "abranch@base")).isEmpty();
			assertThat(resolve(this.g, "ebranch@head")).containsExactly("f");
			assertThat(resolve(this.g, "ebranch@d")).containsExactly("d");
		}

		@Test
		void test_branch_at_self() {
			assertThat(resolve(this.g, "ebranch@ebranch")).containsExactly("e");
		}

		@Test
		void test_retrieve_branch_revision() {
			assertThat(resolve(this.g, "abranch")).containsExactly("a");
			assertThat(resolve(this.g, "ebranch")).containsExactly("e");
		}

		@Test
		void test_rev_not_in_branch() {
			assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(this.g, "ebranch@b"))
				.withMessageContaining("Revision b is not on branch 'ebranch'");
			assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(this.g, "abranch@d"))
				.withMessageContaining("Revision d is not on branch 'abranch'");
		}

		@Test
		void test_actually_short_rev_name() {
			assertThat(resolve(this.g, "e")).containsExactly("e");
		}

		@Test
		void test_no_revision_exists() {
			assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(this.g, "abranch@qprstuv"))
				.withMessageContaining("No revision 'qprstuv'");
			assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(this.g, "abranch@qpr"))
				.withMessageContaining("No revision 'qpr'");
		}

		@Test
		void test_not_actually_a_branch() {
			assertThat(resolve(this.g, "e@d")).containsExactly("d");
		}

		@Test
		void test_not_actually_a_branch_partial_resolution() {
			assertThat(resolve(this.g, "someoth@d")).containsExactly("d");
		}

		@Test
		void test_no_such_branch() {
			assertThatExceptionOfType(TargetException.class).isThrownBy(() -> resolve(this.g, "x@d"))
				.withMessageContaining("No branch label or revision 'x'");
		}

	}

	@Nested
	class LongShortBranchTest {

		@Test
		void test_iterate_full() {
			assertIteration(graph("a", "b1<-a", "b2<-a", "c1<-b1", "d11<-c1", "d12<-c1"), List.of("heads"),
					List.of("base"), List.of("b2", "d11", "d12", "c1", "b1", "a"), Mode.RANGE);
		}

	}

	@Nested
	class MultipleBranchTest {

		private final RevisionGraph g = graph("a", "b1<-a", "b2<-a", "cb1<-b1", "cb2<-b2", "d1cb1<-cb1", "d2cb1<-cb1",
				"d1cb2<-cb2", "d2cb2<-cb2", "d3cb2<-cb2", "d1d2cb2<-d1cb2,d2cb2");

		@Test
		void test_iterate_from_merge_point() {
			assertIteration(this.g, List.of("d1d2cb2"), List.of("a"),
					List.of("d1d2cb2", "d1cb2", "d2cb2", "cb2", "b2", "a"), Mode.RANGE);
		}

		@Test
		void test_iterate_multiple_heads() {
			assertIteration(this.g, List.of("d2cb2", "d3cb2"), List.of("a"),
					List.of("d2cb2", "d3cb2", "cb2", "b2", "a"), Mode.RANGE);
		}

		@Test
		void test_iterate_single_branch() {
			assertIteration(this.g, List.of("d3cb2"), List.of("a"), List.of("d3cb2", "cb2", "b2", "a"), Mode.RANGE);
		}

		@Test
		void test_iterate_single_branch_to_base() {
			assertIteration(this.g, List.of("d3cb2"), List.of("base"), List.of("d3cb2", "cb2", "b2", "a"), Mode.RANGE);
		}

		@Test
		void test_iterate_multiple_branch_to_base() {
			assertIteration(this.g, List.of("d3cb2", "cb1"), List.of("base"),
					List.of("cb1", "b1", "d3cb2", "cb2", "b2", "a"), Mode.RANGE);
		}

		@Test
		void test_iterate_multiple_heads_single_base() {
			assertIteration(this.g, List.of("d1cb1", "d2cb2", "d3cb2"), List.of("b2"),
					List.of("d2cb2", "d3cb2", "cb2", "b2"), Mode.RANGE);
		}

		@Test
		void test_same_branch_wrong_direction() {
			assertNotApplied(this.g, List.of("b1"), "d1cb1");
		}

		@Test
		void test_distinct_branches() {
			assertNotApplied(this.g, List.of("d2cb2"), "b1");
		}

		@Test
		void test_wrong_direction_to_base_as_none() {
			assertNotApplied(this.g, List.of(), "d1cb1");
		}

		@Test
		void test_wrong_direction_to_base_as_empty() {
			assertNotApplied(this.g, List.of(), "d1cb1");
		}

	}

	@Nested
	class MultipleBranchEffectiveHead {

		private final RevisionGraph g = graph("y1 label=y", "x1 label=x", "y2<-y1 depends=x1", "x2<-x1");

		@Test
		void test_other_downgrade() {
			assertIteration(this.g, List.of("x2", "y2"), List.of("x@-1"), List.of("x2"), Mode.EXCLUSIVE);
		}

		@Test
		void test_use_all_current() {
			assertIteration(this.g, List.of("x1", "y2"), List.of("x@-1"), List.of("y2", "x1"), Mode.EXCLUSIVE);
		}

		@Test
		void test_effective_head() {
			assertIteration(this.g, List.of("y2"), List.of("x@-1"), List.of("y2", "x1"), Mode.EXCLUSIVE);
		}

	}

	@Nested
	class BranchTravellingTest {

		private final RevisionGraph g = graph("a1", "a2<-a1", "a3<-a2", "b1<-a3", "b2<-a3", "cb1<-b1", "cb2<-b2",
				"db1<-cb1", "db2<-cb2", "e1b1<-db1", "fe1b1<-e1b1", "e2b1<-db1", "e2b2<-db2", "merge<-e2b1,e2b2");

		@Test
		void test_iterate_one_branch_both_to_merge() {
			assertIteration(this.g, List.of("merge"), List.of("db1"),
					List.of("merge", "e2b1", "db1", "e2b2", "db2", "cb2", "b2"), Mode.UPGRADE);
		}

		@Test
		void test_three_branches_end_in_single_branch() {
			assertIteration(this.g, List.of("merge", "fe1b1"), List.of("a3"),
					List.of("fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3"),
					Mode.RANGE);
		}

		@Test
		void test_two_branches_to_root() {
			assertIteration(this.g, List.of("merge"), List.of("a1"),
					List.of("merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3", "a2", "a1"),
					Mode.RANGE);
		}

		@Test
		void test_two_branches_end_in_branch() {
			assertIteration(this.g, List.of("merge"), List.of("b1"), List.of("merge", "e2b1", "db1", "cb1", "b1"),
					Mode.RANGE);
		}

		@Test
		void test_two_branches_end_behind_branch() {
			assertIteration(this.g, List.of("merge"), List.of("a2"),
					List.of("merge", "e2b1", "db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3", "a2"), Mode.RANGE);
		}

		@Test
		void test_three_branches_to_root() {
			assertIteration(this.g, List.of("merge", "fe1b1"), List.of("a1"), List.of("fe1b1", "e1b1", "merge", "e2b1",
					"db1", "cb1", "b1", "e2b2", "db2", "cb2", "b2", "a3", "a2", "a1"), Mode.RANGE);
		}

		@Test
		void test_three_branches_end_multiple_bases() {
			assertIteration(this.g, List.of("merge", "fe1b1"), List.of("cb1", "cb2"),
					List.of("fe1b1", "e1b1", "merge", "e2b1", "db1", "cb1", "e2b2", "db2", "cb2"), Mode.RANGE);
		}

		@Test
		void test_three_branches_end_multiple_bases_exclusive() {
			assertIteration(this.g, List.of("merge", "fe1b1"), List.of("cb1", "cb2"),
					List.of("fe1b1", "e1b1", "merge", "e2b1", "db1", "e2b2", "db2"), Mode.EXCLUSIVE);
		}

		/**
		 * Deliberate difference: Alembic refuses version rows where one is an ancestor of
		 * another ("overlaps with other requested revisions"); a plan here reads them as
		 * the heads they imply and ends with clean rows.
		 */
		@Test
		void test_detect_invalid_head_selection() {
			Plan down = new Planner(this.g).downgrade(List.of("db1", "b2", "fe1b1"), "base");
			steps(down);
			assertThat(down.toRows()).isEmpty();
			Plan up = new Planner(this.g).upgrade(List.of("db1", "b2", "fe1b1"), "heads");
			steps(up);
			assertThat(up.toRows()).containsExactlyInAnyOrder("fe1b1", "merge");
		}

		@Test
		void test_three_branches_end_multiple_bases_exclusive_blank() {
			assertIteration(this.g, List.of("e2b1", "b2", "fe1b1"), List.of("base"),
					List.of("b2", "fe1b1", "e1b1", "e2b1", "db1", "cb1", "b1", "a3", "a2", "a1"), Mode.EXCLUSIVE);
		}

		@Test
		void test_iterate_to_symbolic_base() {
			assertIteration(this.g, List.of("fe1b1"), List.of("base"),
					List.of("fe1b1", "e1b1", "db1", "cb1", "b1", "a3", "a2", "a1"), Mode.EXCLUSIVE);
		}

		@Test
		void test_ancestor_nodes() {
			assertThat(this.g.ancestors(List.of("merge"))).containsExactlyInAnyOrder("a1", "e2b2", "e2b1", "cb2",
					"merge", "a3", "a2", "b1", "b2", "db1", "db2", "cb1");
		}

	}

	@Nested
	class MultipleBaseTest {

		private final RevisionGraph g = graph("base1", "base2", "base3", "a1a<-base1", "a1b<-base1", "a2<-base2",
				"a3<-base3", "b1a<-a1a", "b1b<-a1b", "b2<-a2", "b3<-a3", "c2<-b2", "d2<-c2", "mergeb3d2<-b3,d2");

		private final List<String> all = List.of("b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3",
				"d2", "c2", "b2", "a2", "base2");

		@Test
		void test_heads_to_base() {
			assertIteration(this.g, List.of("heads"), List.of("base"), this.all, Mode.RANGE);
		}

		@Test
		void test_heads_to_base_exclusive() {
			assertIteration(this.g, List.of("heads"), List.of("base"), this.all, Mode.EXCLUSIVE);
		}

		@Test
		void test_heads_to_blank() {
			assertIteration(this.g, List.of("heads"), List.of("base"), this.all, Mode.RANGE);
		}

		@Test
		void test_heads_to_revs_plus_implicit_base_exclusive() {
			assertIteration(this.g, List.of("heads"), List.of("c2"),
					List.of("b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2"),
					Mode.UPGRADE_EXCLUSIVE);
		}

		@Test
		void test_heads_to_revs_base_exclusive() {
			assertIteration(this.g, List.of("heads"), List.of("c2"), List.of("mergeb3d2", "d2"), Mode.EXCLUSIVE);
		}

		@Test
		void test_heads_to_revs_plus_implicit_base_inclusive() {
			assertIteration(this.g, List.of("heads"), List.of("c2"),
					List.of("b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2", "c2"),
					Mode.UPGRADE);
		}

		@Test
		void test_specific_path_one() {
			assertIteration(this.g, List.of("b3"), List.of("base3"), List.of("b3", "a3", "base3"), Mode.RANGE);
		}

		@Test
		void test_specific_path_two_implicit_base() {
			assertIteration(this.g, List.of("b3", "b2"), List.of("base3"), List.of("b2", "a2", "base2", "b3", "a3"),
					Mode.UPGRADE_EXCLUSIVE);
		}

	}

	@Nested
	class MultipleBaseCrossDependencyTestOne {

		private final RevisionGraph g = graph("base1 label=b_1", "a1a<-base1", "a1b<-base1", "b1a<-a1a",
				"b1b<-a1b depends=a3", "base2 label=b_2", "a2<-base2", "b2<-a2", "c2<-b2 depends=a3", "d2<-c2",
				"base3 label=b_3", "a3<-base3", "b3<-a3");

		private final List<String> all = List.of("b1a", "a1a", "b1b", "a1b", "base1", "d2", "c2", "b2", "a2", "base2",
				"b3", "a3", "base3");

		@Test
		void test_what_are_the_heads() {
			assertThat(this.g.heads()).containsExactlyInAnyOrder("b1a", "b1b", "d2", "b3");
		}

		@Test
		void test_heads_to_base() {
			assertIteration(this.g, List.of("heads"), List.of("base"), this.all, Mode.RANGE);
		}

		@Test
		void test_heads_to_base_downgrade() {
			assertIteration(this.g, List.of("heads"), List.of("base"), this.all, Mode.RANGE);
		}

		@Test
		void test_same_branch_wrong_direction() {
			assertNotApplied(this.g, List.of("b2"), "d2");
		}

		@Test
		void test_different_branch_not_wrong_direction() {
			assertNotApplied(this.g, List.of("b3"), "d2");
		}

		@Test
		void test_we_need_head2_upgrade() {
			assertIteration(this.g, List.of("b_2@head"), List.of("base"),
					List.of("d2", "c2", "b2", "a2", "base2", "a3", "base3"), Mode.RANGE);
		}

		@Test
		void test_we_need_head2_downgrade() {
			assertIteration(this.g, List.of("b_2@head"), List.of("b_2@base"), List.of("d2", "c2", "b2", "a2", "base2"),
					Mode.RANGE);
		}

		@Test
		void test_we_need_head3_upgrade() {
			assertIteration(this.g, List.of("b_3@head"), List.of("base"), List.of("b3", "a3", "base3"), Mode.RANGE);
		}

		@Test
		void test_we_need_head3_downgrade() {
			assertIteration(this.g, List.of("b_3@head"), List.of("base"), List.of("b3", "a3", "base3"), Mode.RANGE);
		}

		@Test
		void test_we_need_head1_upgrade() {
			assertIteration(this.g, List.of("b1b@head"), List.of("base"), List.of("b1b", "a1b", "base1", "a3", "base3"),
					Mode.RANGE);
		}

		@Test
		void test_we_need_head1_downgrade() {
			assertIteration(this.g, List.of("b1b@head"), List.of("b1b@base"), List.of("b1b", "a1b", "base1"),
					Mode.RANGE);
		}

		/**
		 * Alembic's upward iteration from heads to b_2@base is what branch b_2 needs from
		 * base: its upgrade.
		 */
		@Test
		void test_we_need_base2_upgrade() {
			assertIteration(this.g, List.of("b_2@head"), List.of("base"),
					List.of("d2", "c2", "b2", "a2", "base2", "a3", "base3"), Mode.UPGRADE);
		}

		@Test
		void test_we_need_base2_downgrade() {
			assertIteration(this.g, List.of("heads"), List.of("b_2@base"), List.of("d2", "c2", "b2", "a2", "base2"),
					Mode.RANGE);
		}

		/** As test_we_need_base2_upgrade. */
		@Test
		void test_we_need_base3_upgrade() {
			assertIteration(this.g, List.of("b_3@head"), List.of("base"), List.of("b3", "a3", "base3"), Mode.UPGRADE);
		}

		@Test
		void test_we_need_base3_downgrade() {
			assertIteration(this.g, List.of("heads"), List.of("b_3@base"),
					List.of("b1b", "d2", "c2", "b3", "a3", "base3"), Mode.RANGE);
		}

	}

	/**
	 * base2's depends_on names label b_1 in Alembic; here depends_on names ids, so it
	 * names base1.
	 */
	@Nested
	class MultipleBaseCrossDependencyTestTwo {

		private final RevisionGraph g = graph("base1 label=b_1", "a1<-base1", "b1<-a1", "c1<-b1",
				"base2 label=b_2 depends=base1", "a2<-base2", "b2<-a2", "c2<-b2", "d2<-c2", "base3 label=b_3",
				"a3<-base3", "b3<-a3", "c3<-b3 depends=b2", "d3<-c3");

		@Test
		void test_what_are_the_heads() {
			assertThat(this.g.heads()).containsExactlyInAnyOrder("c1", "d2", "d3");
		}

		@Test
		void test_heads_to_base() {
			assertIteration(this.g, List.of("heads"), List.of("base"), List.of("c1", "b1", "a1", "d2", "c2", "d3", "c3",
					"b3", "a3", "base3", "b2", "a2", "base2", "base1"), Mode.RANGE);
		}

		@Test
		void test_we_need_head2() {
			assertIteration(this.g, List.of("b_2@head"), List.of("base"),
					List.of("d2", "c2", "b2", "a2", "base2", "base1"), Mode.RANGE);
		}

		@Test
		void test_we_need_head3() {
			assertIteration(this.g, List.of("b_3@head"), List.of("base"),
					List.of("d3", "c3", "b3", "a3", "base3", "b2", "a2", "base2", "base1"), Mode.RANGE);
		}

		@Test
		void test_we_need_head1() {
			assertIteration(this.g, List.of("b_1@head"), List.of("base"), List.of("c1", "b1", "a1", "base1"),
					Mode.RANGE);
		}

		@Test
		void test_we_need_base1() {
			assertIteration(this.g, List.of("b_1@head"), List.of("base"), List.of("c1", "b1", "a1", "base1"),
					Mode.UPGRADE);
		}

		@Test
		void test_we_need_base2() {
			assertIteration(this.g, List.of("b_2@head"), List.of("base"),
					List.of("d2", "c2", "b2", "a2", "base2", "base1"), Mode.UPGRADE);
		}

		@Test
		void test_we_need_base3() {
			assertIteration(this.g, List.of("b_3@head"), List.of("base"),
					List.of("d3", "c3", "b3", "a3", "base3", "b2", "a2", "base2", "base1"), Mode.UPGRADE);
		}

	}

	@Nested
	class MultipleBaseCrossDependencyTestThree {

		@Test
		void test_traverse_no_parent_but_a_dep() {
			assertIteration(graph("base1", "a1<-base1", "b1<-a1", "c2 depends=a1", "c3<-c2"), List.of("heads"),
					List.of("base"), List.of("b1", "c3", "c2", "a1", "base1"), Mode.RANGE);
		}

	}

	@Nested
	class GraphWithLoopTest {

		@Test
		void test_revision_map_solitary_loop() {
			assertCycle("a", "a<-a");
		}

		@Test
		void test_revision_dupe_head() {
			assertIteration(graph("user_foo", "user<-user_foo depends=user_foo"), List.of("heads"), List.of("base"),
					List.of("user", "user_foo"), Mode.RANGE);
		}

		@Test
		void test_revision_map_no_loop_w_overlapping_substrings() {
			assertIteration(graph("user_foo", "user<-user_foo"), List.of("heads"), List.of("base"),
					List.of("user", "user_foo"), Mode.RANGE);
		}

		@Test
		void test_revision_map_no_loop_w_overlapping_substrings_dependencies() {
			assertIteration(graph("user_foo", "user depends=user_foo"), List.of("heads"), List.of("base"),
					List.of("user", "user_foo"), Mode.RANGE);
		}

		@Test
		void test_revision_map_base_loop() {
			assertCycle("a", "a<-a", "b<-a", "c<-b");
		}

		@Test
		void test_revision_map_head_loop() {
			assertCycle("c", "a", "b<-a", "c<-b,c");
		}

		@Test
		void test_revision_map_branch_point_loop() {
			assertCycle("b", "a", "b<-a,b", "c1<-b", "c2<-b");
		}

		@Test
		void test_revision_map_merge_point_loop() {
			assertCycle("c", "a", "b1<-a", "b2<-a", "c<-b1,b2,c");
		}

		@Test
		void test_revision_map_solitary_dependency_loop() {
			assertCycle("a", "a depends=a");
		}

		@Test
		void test_revision_map_base_dependency_loop() {
			assertCycle("a", "a depends=a", "b<-a", "c<-b");
		}

		@Test
		void test_revision_map_head_dep_loop() {
			assertCycle("c", "a", "b<-a", "c<-b depends=c");
		}

		@Test
		void test_revision_map_branch_point_dep_loop() {
			assertCycle("b", "a", "b<-a depends=b", "c1<-b", "c2<-b");
		}

		@Test
		void test_revision_map_merge_point_dep_loop() {
			assertCycle("c", "a", "b1<-a", "b2<-a", "c<-b1,b2 depends=c");
		}

	}

	@Nested
	class GraphWithCycleTest {

		@Test
		void test_revision_map_simple_cycle() {
			assertCycle("a", "a<-c", "b<-a", "c<-b");
		}

		@Test
		void test_revision_map_extra_simple_cycle() {
			assertCycle("a", "a<-c", "b<-a", "c<-b", "d", "e<-d");
		}

		@Test
		void test_revision_map_lower_simple_cycle() {
			assertCycle("a", "a<-c", "b<-a", "c<-b", "d<-c", "e<-d");
		}

		@Test
		void test_revision_map_upper_simple_cycle() {
			assertCycle("c", "a", "b<-a", "c<-b,e", "d<-c", "e<-d");
		}

		@Test
		void test_revision_map_simple_dep_cycle() {
			assertCycle("a", "a depends=c", "b<-a", "c<-b");
		}

		@Test
		void test_revision_map_extra_simple_dep_cycle() {
			assertCycle("a", "a depends=c", "b<-a", "c<-b", "d", "e<-d");
		}

		@Test
		void test_revision_map_lower_simple_dep_cycle() {
			assertCycle("a", "a depends=c", "b<-a", "c<-b", "d<-c", "e<-d");
		}

		@Test
		void test_revision_map_upper_simple_dep_cycle() {
			assertCycle("c", "a", "b<-a", "c<-b depends=e", "d<-c", "e<-d");
		}

	}

	@Nested
	class NormalizedDownRevTest {

		private final RevisionGraph g = graph("a1", "a2<-a1", "a3<-a2", "b1", "b2<-b1 depends=a3", "b3<-b2",
				"b4<-b3 depends=a3", "b5<-b4 depends=b4");

		@Test
		void test_normalized_down_revisions() {
			assertThat(this.g.normalizedDownRevisions("b4")).containsExactly("b3");
		}

		@Test
		void test_dupe_dependency() {
			assertThat(this.g.normalizedDownRevisions("b5")).containsExactly("b4");
		}

		@Test
		void test_branch_traversal() {
			assertIteration(this.g, List.of("b4"), List.of("b1@base"), List.of("b4", "b3", "b2", "b1"), Mode.RANGE);
		}

		@Test
		void test_all_traversal() {
			assertIteration(this.g, List.of("heads"), List.of("base"),
					List.of("b5", "b4", "b3", "b2", "b1", "a3", "a2", "a1"), Mode.RANGE);
		}

		@Test
		void test_partial_traversal() {
			assertIteration(this.g, List.of("heads"), List.of("a2"), List.of("b5", "b4", "b3", "b2", "a3", "a2"),
					Mode.RANGE);
		}

		@Test
		void test_partial_traversal_implicit_base_two() {
			assertIteration(this.g, List.of("b5"), List.of("b1"),
					List.of("b5", "b4", "b3", "b2", "b1", "a3", "a2", "a1"), Mode.UPGRADE);
		}

		@Test
		void test_partial_traversal_implicit_base_three() {
			RevisionGraph withC1 = graph("c1", "a1", "a2<-a1 depends=c1", "a3<-a2 depends=c1", "b1",
					"b2<-b1 depends=a3", "b3<-b2", "b4<-b3 depends=a3", "b5<-b4");
			assertIteration(withC1, List.of("b5"), List.of("b1"),
					List.of("b5", "b4", "b3", "b2", "b1", "a3", "a2", "a1", "c1"), Mode.UPGRADE);
		}

	}

	/**
	 * How Alembic's iterate_revisions(upper, lower) options map onto plans (see the class
	 * comment).
	 */
	private enum Mode {

		/**
		 * inclusive, no implicit base (Alembic's default): the downgrade, plus lower
		 * itself.
		 */
		RANGE,
		/** not inclusive (with or without select_for_downgrade): the downgrade. */
		EXCLUSIVE,
		/** implicit_base, inclusive: the upgrade from lower, plus lower itself. */
		UPGRADE,
		/** implicit_base, not inclusive: the upgrade from lower. */
		UPGRADE_EXCLUSIVE

	}

	private static void assertIteration(RevisionGraph graph, List<String> upper, List<String> lower,
			List<String> expected, Mode mode) {
		Set<String> ran = new LinkedHashSet<>();
		boolean upward = mode == Mode.UPGRADE || mode == Mode.UPGRADE_EXCLUSIVE;
		Planner planner = new Planner(graph);
		if (upward) {
			List<String> rows = rows(graph, lower);
			for (String target : upper) {
				ran.addAll(revisions(planner.upgrade(rows, target)));
			}
		}
		else {
			List<String> rows = rows(graph, upper);
			for (String target : lower) {
				ran.addAll(revisions(planner.downgrade(rows, target)));
			}
		}
		if (mode == Mode.RANGE || mode == Mode.UPGRADE) {
			for (String target : lower) {
				ran.addAll(new TargetResolver(graph, rows(graph, upper)).resolve(target).revisions());
			}
		}
		assertThat(ran).as("iterate %s .. %s", upper, lower).containsExactlyInAnyOrderElementsOf(expected);
	}

	/**
	 * The version rows of a database at the given targets, as Alembic takes them: the
	 * revisions they name.
	 */
	private static List<String> rows(RevisionGraph graph, List<String> targets) {
		Set<String> rows = new LinkedHashSet<>();
		for (String target : targets) {
			rows.addAll(graph.sortAscending(new TargetResolver(graph, List.of()).resolve(target).revisions()));
		}
		return List.copyOf(rows);
	}

	private static List<String> revisions(Plan plan) {
		steps(plan);
		List<String> ids = new ArrayList<>();
		for (Step step : plan.steps()) {
			ids.add(step.revision());
		}
		return ids;
	}

	private static Set<String> resolve(RevisionGraph graph, String target) {
		return destination(graph, target).revisions();
	}

	private static Destination destination(RevisionGraph graph, String target) {
		return new TargetResolver(graph, graph.heads()).resolve(target);
	}

	private static void assertNotApplied(RevisionGraph graph, List<String> rows, String target) {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> new Planner(graph).downgrade(rows, target))
			.withMessageContaining("not applied")
			.withMessageContaining("Nothing was run");
	}

	private static void assertCycle(String named, String... specs) {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> graph(specs))
			.isInstanceOf(InvalidGraphException.class)
			.withMessageContaining(named);
	}

}
