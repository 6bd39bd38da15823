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
 *
 * @param out where results go
 * @param err where warnings and errors go
 * @param prefix starts every line, e.g. {@code [tenant_07] }
 * @param redactor asked for at each line: the options that hold the passwords are parsed
 * after this exists
 */
record Console(PrintWriter out, PrintWriter err, String prefix, Supplier<Redactor> redactor) {

	Console(PrintWriter out, PrintWriter err) {
		this(out, err, "", Redactor::patternsOnly);
	}

	Console withRedactor(Supplier<Redactor> lineRedactor) {
		return new Console(this.out, this.err, this.prefix, lineRedactor);
	}

	/**
	 * Every line starts with the prefix and is written in one {@code println}:
	 * PrintWriter holds its lock for the call, so the lines of targets that run at once
	 * never mix within a line.
	 */
	Console withPrefix(String linePrefix) {
		return new Console(this.out, this.err, linePrefix, this.redactor);
	}

	void print(String line) {
		println(this.out, this.redactor.get().redact(line));
	}

	/**
	 * A {@code --sql} script, as it is: masking would change what runs (a password
	 * {@code postgres} is also the role that a {@code GRANT} names), and what it holds is
	 * the revisions' text, not a connection's secret.
	 */
	void script(String script) {
		println(this.out, script);
	}

	void warn(String line) {
		println(this.err, this.redactor.get().redact(line));
	}

	/**
	 * The one-line error: {@code FAILED: <message>}, the database's multi-line message
	 * (PostgreSQL adds "Position: ...") joined into one line.
	 */
	void failed(String message) {
		warn("FAILED: " + String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " "));
	}

	/** A stack trace for {@code --debug}, redacted like every other line. */
	void stackTrace(Throwable failure) {
		println(this.err, this.redactor.get().stackTrace(failure).stripTrailing());
	}

	private void println(PrintWriter writer, String text) {
		writer.println(this.prefix + text.replace("\n", "\n" + this.prefix));
		writer.flush();
	}

	/** Each unfinished revision: every command that reads the database warns of it. */
	void warnUnfinished(List<UnfinishedRevision> unfinished) {
		unfinished.forEach((revision) -> warn("WARNING: " + revision.describe()));
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
