package dev.migration.internal.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migration.Direction;
import dev.migration.Plan;
import dev.migration.Step;
import dev.migration.VersionChange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Summarizes a plan's steps as short strings such as {@code "upgrade b (update a->b)"} or
 * {@code "upgrade m (merge -b c->m)"}: the kind, then {@code -row} per delete,
 * {@code from->to} for the update and {@code +row} per insert. Before summarizing, it
 * replays every version change from the plan's starting rows and checks that each delete
 * and update hits an existing row, each insert a new one, and that the replay ends at
 * {@link Plan#toRows()}: a plan whose steps and final rows disagree fails every test that
 * looks at it.
 */
final class PlanSummary {

	private PlanSummary() {
	}

	static List<String> steps(Plan plan) {
		Set<String> rows = new LinkedHashSet<>(plan.fromRows());
		List<String> summaries = new ArrayList<>();
		for (Step step : plan.steps()) {
			replay(rows, step);
			summaries.add(summary(step));
		}
		assertThat(rows).as("rows after replaying %s", summaries).containsExactlyInAnyOrderElementsOf(plan.toRows());
		assertThat(plan.toRows()).as("final rows").doesNotHaveDuplicates();
		return summaries;
	}

	/**
	 * Checks a plan against a table row: the command, where it starts, its targets, its
	 * steps in order and the rows it ends with (in any order: rows are a set).
	 */
	static void assertPlan(Plan plan, Direction direction, List<String> fromRows, List<String> targets,
			List<String> expectedSteps, List<String> expectedRows) {
		assertThat(plan.direction()).isEqualTo(direction);
		assertThat(plan.fromRows()).isEqualTo(fromRows);
		assertThat(plan.targets()).isEqualTo(targets);
		assertThat(steps(plan)).containsExactlyElementsOf(expectedSteps);
		assertThat(plan.isEmpty()).isEqualTo(expectedSteps.isEmpty());
		assertThat(plan.toRows()).containsExactlyInAnyOrderElementsOf(expectedRows);
	}

	static String summary(Step step) {
		String revision = (step.revision() != null) ? step.revision() : "base";
		return step.direction().word() + " " + revision + " (" + change(step.versionChange()) + ")";
	}

	private static String change(VersionChange change) {
		List<String> parts = new ArrayList<>();
		parts.add(change.kind().name().toLowerCase(Locale.ROOT));
		for (String delete : change.deletes()) {
			parts.add("-" + delete);
		}
		if (change.hasUpdate()) {
			parts.add(change.updateFrom() + "->" + change.updateTo());
		}
		for (String insert : change.inserts()) {
			parts.add("+" + insert);
		}
		return String.join(" ", parts);
	}

	private static void replay(Set<String> rows, Step step) {
		VersionChange change = step.versionChange();
		String what = summary(step) + " on rows " + rows;
		for (String delete : change.deletes()) {
			assertThat(rows.remove(delete)).as("delete of an existing row: " + what).isTrue();
		}
		if (change.hasUpdate()) {
			assertThat(rows.remove(change.updateFrom())).as("update of an existing row: " + what).isTrue();
			assertThat(rows.add(change.updateTo())).as("update to a new row: " + what).isTrue();
		}
		for (String insert : change.inserts()) {
			assertThat(rows.add(insert)).as("insert of a new row: " + what).isTrue();
		}
	}

}
