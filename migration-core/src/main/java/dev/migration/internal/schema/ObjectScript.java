package dev.migration.internal.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.migration.internal.schema.SchemaComparison.ObjectChange;
import dev.migration.internal.schema.SchemaModel.Obj;

/**
 * The statements for objects beyond tables, around a script's table statements. Before
 * them: warnings for what cannot be written, drops of triggers and views that go or
 * change, new extensions, enum types, sequences and functions (with
 * {@code check_function_bodies} off on PostgreSQL, as pg_dump does, so that a body may
 * name a table created later). After them: {@code BEGIN ATOMIC} functions, views,
 * triggers, then drops of functions, types, sequences and extensions that go.
 */
final class ObjectScript {

	private final SchemaComparison comparison;

	/** Views dropped before the table statements, created again after them. */
	private final Set<String> droppedViews = new HashSet<>();

	private final Set<String> copiedTables;

	private final boolean postgres;

	/**
	 * @param copiedTables SQLite tables the script moves and copies: their triggers go
	 * with the old table, so the target's are created again
	 */
	ObjectScript(SchemaComparison comparison, Set<String> copiedTables, boolean postgres) {
		this.comparison = comparison;
		this.copiedTables = copiedTables;
		this.postgres = postgres;
	}

	/**
	 * @param allViews whether every view goes and comes back: a column that changes type
	 * or goes fails while a view uses it (PostgreSQL), and SQLite checks every view when
	 * a table is renamed or a column dropped
	 */
	void before(List<String> out, boolean allViews) {
		out.addAll(this.comparison.warningComments());
		for (Obj trigger : changing("trigger")) {
			out.add(trigger.dropSql());
		}
		List<Obj> views = new ArrayList<>();
		if (allViews) {
			for (Obj view : this.comparison.from().objects()) {
				if (view.kind().equals("view")) {
					views.add(view);
				}
			}
		}
		else {
			views.addAll(changing("view"));
		}
		for (int i = views.size() - 1; i >= 0; i--) {
			out.add(views.get(i).dropSql());
			this.droppedViews.add(views.get(i).name());
		}
		for (String kind : List.of("extension", "type", "sequence")) {
			for (Obj object : this.comparison.addedObjects()) {
				if (object.kind().equals(kind) && object.renderable()) {
					out.add(object.createSql());
				}
			}
		}
		boolean first = true;
		for (Obj function : created()) {
			if (isFunction(function) && function.early()) {
				if (first && this.postgres) {
					out.add("-- Function bodies are checked when called, as in pg_dump's output: a function may name "
							+ "tables created below.");
					out.add("SET LOCAL check_function_bodies = off");
				}
				first = false;
				out.add(function.createSql());
			}
		}
	}

	void after(List<String> out) {
		for (Obj function : created()) {
			if (isFunction(function) && !function.early()) {
				out.add(function.createSql());
			}
		}
		List<String> added = new ArrayList<>();
		for (Obj object : created()) {
			added.add(object.key());
		}
		for (Obj view : this.comparison.to().objects()) {
			if (view.kind().equals("view") && (added.contains(view.key()) || this.droppedViews.contains(view.name()))
					&& view.renderable()) {
				out.add(view.createSql());
			}
		}
		for (Obj trigger : this.comparison.to().objects()) {
			if (trigger.kind().equals("trigger") && trigger.renderable()
					&& (added.contains(trigger.key()) || this.copiedTables.contains(trigger.table()))) {
				out.add(trigger.createSql());
			}
		}
		for (String kind : List.of("function", "type", "sequence", "extension")) {
			for (Obj object : this.comparison.removedObjects()) {
				boolean matches = kind.equals("function") ? isFunction(object) : object.kind().equals(kind);
				if (matches && object.renderable()) {
					out.add(object.dropSql());
				}
			}
		}
	}

	private static boolean isFunction(Obj object) {
		return object.kind().equals("function") || object.kind().equals("procedure");
	}

	/**
	 * Renderable objects of a kind that go or change, as they are in the database now.
	 */
	private List<Obj> changing(String kind) {
		List<Obj> objects = new ArrayList<>();
		for (Obj object : this.comparison.from().objects()) {
			if (!object.kind().equals(kind) || !object.renderable()) {
				continue;
			}
			boolean removed = this.comparison.removedObjects().contains(object);
			boolean changed = this.comparison.changedObjects()
				.stream()
				.anyMatch((change) -> change.from() == object && change.to().changeable());
			if (removed || changed) {
				objects.add(object);
			}
		}
		return objects;
	}

	/**
	 * Renderable objects that are new or changed, as the target has them, in the target's
	 * order.
	 */
	private List<Obj> created() {
		List<Obj> objects = new ArrayList<>();
		for (Obj object : this.comparison.addedObjects()) {
			if (object.renderable()) {
				objects.add(object);
			}
		}
		for (ObjectChange change : this.comparison.changedObjects()) {
			if (change.to().changeable()) {
				objects.add(change.to());
			}
		}
		return objects;
	}

}
