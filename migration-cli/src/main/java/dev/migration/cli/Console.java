package dev.migration.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;

import dev.migration.MigrationListener;
import dev.migration.Redactor;
import dev.migration.Step;
import dev.migration.UnfinishedRevision;

/**
 * Everything the commands print, in Alembic's formats: results on stdout, warnings on
 * stderr. Every line goes through the redactor of the command line's passwords, so that
 * no output path can print one, except a {@code --sql} script: it is the revisions' own
 * text, printed exactly as it runs.
 */
final class Console {

	private final PrintWriter out;

	private final PrintWriter err;

	private final Supplier<Redactor> redactor;

	/**
	 * The redactor is asked for at each line: the options that hold the passwords are
	 * parsed after this exists.
	 */
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
	 * A {@code --sql} script, as it is: masking would change what runs (a password
	 * {@code postgres} is also the role that a {@code GRANT} names), and what it holds is
	 * the revisions' text, not a connection's secret.
	 */
	void script(String script) {
		this.out.println(script);
		this.out.flush();
	}

	void warn(String line) {
		this.err.println(this.redactor.get().redact(line));
		this.err.flush();
	}

	/**
	 * The one-line error: {@code FAILED: <message>}, the database's multi-line message
	 * joined into one line.
	 */
	void failed(String message) {
		warn("FAILED: " + String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " "));
	}

	/**
	 * A stack trace for {@code --debug}, its messages and its causes' redacted like every
	 * other line.
	 */
	void stackTrace(Throwable failure) {
		this.err.print(this.redactor.get().stackTrace(failure));
		this.err.flush();
	}

	/**
	 * Reports each non-transactional revision that was started and did not finish, on
	 * stderr: every command that reads the database says it, as nothing moves the
	 * database past it until a stamp.
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
				print(step.logLine());
			}
		};
	}

}
