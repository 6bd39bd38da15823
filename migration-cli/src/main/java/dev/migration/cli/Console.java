package dev.migration.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.migration.Direction;
import dev.migration.MigrationListener;
import dev.migration.Redactor;
import dev.migration.RevisionInfo;
import dev.migration.Step;
import dev.migration.UnfinishedRevision;

/**
 * Everything the commands print, in Alembic's formats: results on stdout, warnings on stderr. Every line goes through
 * the redactor of the command line's passwords, so that no output path can print one, except a {@code --sql} script:
 * it is the revisions' own text, printed exactly as it runs.
 */
final class Console {

	private final PrintWriter out;

	private final PrintWriter err;

	private final Supplier<Redactor> redactor;

	/** The redactor is asked for at each line: the options that hold the passwords are parsed after this exists. */
	Console(PrintWriter out, PrintWriter err, Supplier<Redactor> redactor) {
		this.out = out;
		this.err = err;
		this.redactor = redactor;
	}

	void print(String line) {
		this.out.println(this.redactor.get().redact(line));
		this.out.flush();
	}

	/**
	 * A {@code --sql} script, as it is: masking would change what runs (a password {@code postgres} is also the role
	 * that a {@code GRANT} names), and what it holds is the revisions' text, not a connection's secret.
	 */
	void script(String script) {
		this.out.println(script);
		this.out.flush();
	}

	void warn(String line) {
		this.err.println(this.redactor.get().redact(line));
		this.err.flush();
	}

	/** The one-line error: {@code FAILED: <message>}, the database's multi-line message joined into one line. */
	void failed(String message) {
		warn("FAILED: " + String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " "));
	}

	/** A stack trace for {@code --debug}, its messages and its causes' redacted like every other line. */
	void stackTrace(Throwable failure) {
		this.err.print(this.redactor.get().stackTrace(failure));
		this.err.flush();
	}

	/**
	 * Reports each non-transactional revision that was started and did not finish, on stderr: every command that reads
	 * the database says it, as nothing moves the database past it until a stamp.
	 */
	void warnUnfinished(List<UnfinishedRevision> unfinished) {
		for (UnfinishedRevision revision : unfinished) {
			warn("WARNING: " + revision.describe());
		}
	}

	/** Prints {@code Running upgrade <from> -> <to>, <message>} as each step starts. */
	MigrationListener stepPrinter() {
		return new MigrationListener() {
			@Override
			public void stepStarted(Step step) {
				print(stepLine(step));
			}
		};
	}

	static String stepLine(Step step) {
		boolean stamp = step.direction() == Direction.STAMP;
		String line = "Running " + (stamp ? "stamp_revision" : step.direction().word()) + " "
				+ String.join(", ", step.from()) + " -> " + String.join(", ", step.to());
		return (stamp || step.message() == null || step.message().isEmpty()) ? line : line + ", " + step.message();
	}

	/**
	 * Alembic's one-line form: {@code <down> -> <id> (head) (current) (branchpoint) (mergepoint) (labels), message};
	 * the parts are switched on by the flags.
	 */
	static String line(RevisionInfo revision, boolean current, boolean parents, boolean treeMarks, boolean message) {
		StringBuilder line = new StringBuilder();
		if (parents) {
			line.append(down(revision));
			if (!revision.dependsOn().isEmpty()) {
				line.append(" (").append(String.join(", ", revision.dependsOn())).append(")");
			}
			line.append(" -> ");
		}
		line.append(revision.id());
		if (revision.head()) {
			line.append(" (head)");
		}
		if (current) {
			line.append(" (current)");
		}
		if (treeMarks && revision.branchPoint()) {
			line.append(" (branchpoint)");
		}
		if (treeMarks && revision.mergePoint()) {
			line.append(" (mergepoint)");
		}
		if (!revision.branchLabels().isEmpty()) {
			line.append(" (").append(String.join(", ", revision.branchLabels())).append(")");
		}
		if (message) {
			line.append(", ").append(revision.message());
		}
		return line.toString();
	}

	/** The full form of {@code show} and {@code --verbose}: key: value lines, then a blank line. */
	static String entry(RevisionInfo revision, boolean current) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("Rev", line(revision, current, false, true, false));
		fields.put(revision.mergePoint() ? "Merges" : "Parent", down(revision));
		if (!revision.dependsOn().isEmpty()) {
			fields.put("Also depends on", String.join(", ", revision.dependsOn()));
		}
		if (revision.branchPoint()) {
			fields.put("Branches into", String.join(", ", revision.children()));
		}
		if (!revision.branchLabels().isEmpty()) {
			fields.put("Branch names", String.join(", ", revision.branchLabels()));
		}
		fields.put("Path", revision.location());
		fields.put("Message", revision.message());
		if (revision.created() != null && !revision.created().isEmpty()) {
			fields.put("Created", revision.created());
		}
		fields.put("Transactional", String.valueOf(revision.transactional()));
		fields.put("Reversible", String.valueOf(revision.reversible()));
		if (revision.checksum() != null) {
			fields.put("Checksum", revision.checksum());
		}
		StringBuilder entry = new StringBuilder();
		fields.forEach((key, value) -> entry.append(key).append(": ").append(value).append('\n'));
		return entry.toString();
	}

	private static String down(RevisionInfo revision) {
		return revision.downRevisions().isEmpty() ? "<base>" : String.join(", ", revision.downRevisions());
	}

}
