package dev.migration.internal.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.migration.Direction;
import dev.migration.Plan;
import dev.migration.Step;
import dev.migration.TargetException;
import dev.migration.internal.graph.RevisionGraph;
import dev.migration.internal.revision.Revision;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Random valid graphs (branches, merges, dependencies, forests) and random starting
 * points: every plan respects the graph, ends at its target, keeps exactly the heads of
 * what is applied in the version rows after every step, and an upgrade followed by a
 * downgrade to where it started returns there.
 */
class PlanPropertyTests {

	@Property(tries = 300)
	void upgradeAppliesAncestorsFirstAndKeepsTheRowsEqualToTheHeadsOfWhatIsApplied(
			@ForAll("scenarios") Scenario scenario) {
		Planner planner = new Planner(scenario.graph());
		Set<String> applied = scenario.graph().ancestors(scenario.rows());

		Plan plan = planner.upgrade(scenario.rows(), scenario.target());

		Set<String> seen = new HashSet<>(applied);
		for (Step step : plan.steps()) {
			assertThat(step.direction()).isEqualTo(Direction.UPGRADE);
			Revision revision = scenario.graph().get(step.revision());
			assertThat(seen).as("needs of %s", revision.id())
				.containsAll(revision.downRevisions())
				.containsAll(revision.dependsOn())
				.doesNotContain(revision.id());
			seen.add(revision.id());
		}
		assertRowsFollowTheHeadsOfWhatIsApplied(scenario.graph(), scenario.rows(), plan);
		Set<String> expected = new HashSet<>(applied);
		expected.addAll(scenario.graph().ancestors(List.of(scenario.target())));
		assertThat(seen).isEqualTo(expected);
	}

	@Property(tries = 300)
	void downgradeRemovesExactlyTheAppliedRevisionsAboveTheTarget(@ForAll("scenarios") Scenario scenario) {
		RevisionGraph graph = scenario.graph();
		Planner planner = new Planner(graph);
		List<String> rows = new Planner(graph).upgrade(List.of(), "heads").toRows();
		Set<String> applied = graph.ancestors(rows);

		Set<String> expected = above(graph, scenario.target(), applied);
		if (expected.isEmpty() && !rows.contains(scenario.target())) {
			// as Alembic: applied only under revisions that depend on it, nothing stands
			// on it: refused
			assertThatExceptionOfType(TargetException.class)
				.isThrownBy(() -> planner.downgrade(rows, scenario.target()))
				.withMessageContaining("nothing above " + scenario.target() + " is applied");
			return;
		}
		Plan plan = planner.downgrade(rows, scenario.target());

		Set<String> removed = new HashSet<>();
		for (Step step : plan.steps()) {
			assertThat(step.direction()).isEqualTo(Direction.DOWNGRADE);
			for (String dependent : graph.descendants(List.of(step.revision()))) {
				if (!dependent.equals(step.revision())) {
					assertThat(removed).as("removed before %s", step.revision()).contains(dependent);
				}
			}
			removed.add(step.revision());
		}
		assertThat(removed).isEqualTo(expected);
		assertRowsFollowTheHeadsOfWhatIsApplied(graph, rows, plan);
	}

	@Property(tries = 300)
	void upgradeThenDowngradeToTheStartingRevisionReturnsToTheStart(@ForAll("scenarios") Scenario scenario) {
		RevisionGraph graph = scenario.graph();
		Planner planner = new Planner(graph);
		String start = scenario.target();
		List<String> startRows = planner.upgrade(List.of(), start).toRows();
		String above = scenario.descendantOf(start);

		Plan up = planner.upgrade(startRows, above);
		if (above(graph, start, graph.ancestors(up.toRows())).isEmpty() && !up.toRows().contains(start)) {
			// what the upgrade applied only depends on start: nothing to revert, refused
			// as Alembic refuses it
			assertThatExceptionOfType(TargetException.class).isThrownBy(() -> planner.downgrade(up.toRows(), start));
			return;
		}
		Plan down = planner.downgrade(up.toRows(), start);

		Set<String> backAt = graph.ancestors(down.toRows());
		assertThat(backAt).containsAll(graph.ancestors(startRows));
		// revisions the upgrade pulled in from other branches (through merges or
		// dependencies) are not above start
		Set<String> expected = new HashSet<>(graph.ancestors(up.toRows()));
		expected.removeAll(above(graph, start, expected));
		assertThat(backAt).isEqualTo(expected);
		assertRowsFollowTheHeadsOfWhatIsApplied(graph, up.toRows(), down);
	}

	@Property(tries = 200)
	void upgradeHeadsThenDowngradeBaseEmptiesTheVersionTable(@ForAll("scenarios") Scenario scenario) {
		Planner planner = new Planner(scenario.graph());

		Plan up = planner.upgrade(scenario.rows(), "heads");
		Plan down = planner.downgrade(up.toRows(), "base");

		assertThat(up.toRows()).containsExactlyInAnyOrderElementsOf(scenario.graph().heads());
		assertThat(down.toRows()).isEmpty();
		assertThat(down.steps()).hasSize(scenario.graph().size());
	}

	/**
	 * What a downgrade to the target reverts, as Alembic collects it: what stands on the
	 * target's children (through down revisions), dependents included; a revision that
	 * only depends on the target stays with the target.
	 */
	private static Set<String> above(RevisionGraph graph, String target, Set<String> applied) {
		Set<String> result = new HashSet<>(graph.descendants(graph.children(target)));
		result.removeAll(graph.ancestors(List.of(target)));
		result.retainAll(applied);
		return result;
	}

	/**
	 * After every step the simulated rows are the heads of the applied set: the invariant
	 * of head maintenance.
	 */
	private static void assertRowsFollowTheHeadsOfWhatIsApplied(RevisionGraph graph, List<String> startRows,
			Plan plan) {
		Set<String> applied = new LinkedHashSet<>(graph.ancestors(startRows));
		Set<String> rows = new LinkedHashSet<>(startRows);
		for (Step step : plan.steps()) {
			rows.removeAll(step.versionChange().deletes());
			if (step.versionChange().hasUpdate()) {
				assertThat(rows.remove(step.versionChange().updateFrom())).as("update of %s", step).isTrue();
				rows.add(step.versionChange().updateTo());
			}
			rows.addAll(step.versionChange().inserts());
			if (step.direction() == Direction.UPGRADE) {
				applied.add(step.revision());
			}
			else {
				applied.remove(step.revision());
			}
			assertThat(rows).as("rows after %s", step).containsExactlyInAnyOrderElementsOf(graph.headsOf(applied));
		}
		assertThat(rows).containsExactlyInAnyOrderElementsOf(plan.toRows());
	}

	@Provide
	Arbitrary<Scenario> scenarios() {
		return Arbitraries.longs().map(Scenario::random);
	}

	/**
	 * A random graph, a random applied state (closed under ancestry, stored as its heads)
	 * and a random target.
	 */
	record Scenario(RevisionGraph graph, List<String> rows, String target, long seed) {

		static Scenario random(long seed) {
			Random random = new Random(seed);
			int size = 1 + random.nextInt(25);
			List<Revision> revisions = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				List<String> down = new ArrayList<>();
				List<String> dependsOn = new ArrayList<>();
				if (i > 0 && random.nextInt(8) != 0) {
					down.add("r" + random.nextInt(i));
					if (i > 2 && random.nextInt(5) == 0) {
						String second = "r" + random.nextInt(i);
						if (!down.contains(second)) {
							down.add(second);
						}
					}
				}
				if (i > 1 && random.nextInt(7) == 0) {
					String dependency = "r" + random.nextInt(i);
					if (!down.contains(dependency)) {
						dependsOn.add(dependency);
					}
				}
				revisions.add(Revision.of("r" + i, down).withDependsOn(dependsOn));
			}
			RevisionGraph graph = RevisionGraph.of(revisions);
			Set<String> applied = new HashSet<>();
			for (Revision revision : graph.revisions()) {
				if (random.nextInt(3) == 0) {
					applied.addAll(graph.ancestors(List.of(revision.id())));
				}
			}
			String target = "r" + random.nextInt(size);
			return new Scenario(graph, graph.headsOf(applied), target, seed);
		}

		/** A revision at or above the given one, chosen from the seed. */
		String descendantOf(String revision) {
			List<String> above = new ArrayList<>(this.graph.descendants(List.of(revision)));
			return above.get(new Random(this.seed + 1).nextInt(above.size()));
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder("seed " + this.seed + ": ");
			for (Revision revision : this.graph.revisions()) {
				text.append(revision.id()).append("<-").append(revision.downRevisions());
				if (!revision.dependsOn().isEmpty()) {
					text.append(" dep ").append(revision.dependsOn());
				}
				text.append("; ");
			}
			return text.append(" rows ").append(this.rows).append(" target ").append(this.target).toString();
		}

	}

}
