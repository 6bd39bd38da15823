package dev.migration.autoconfigure;

import java.util.stream.Collectors;

import dev.migration.ChecksumMismatch;
import dev.migration.ChecksumMismatchException;
import dev.migration.FleetFailedException;
import dev.migration.InvalidGraphException;
import dev.migration.LocationNotFoundException;
import dev.migration.LockLostException;
import dev.migration.LockTimeoutException;
import dev.migration.MigrationException;
import dev.migration.MultipleHeadsException;
import dev.migration.Redactor;
import dev.migration.RevisionFailedException;
import dev.migration.RevisionParseException;
import dev.migration.UnfinishedRevisionException;
import dev.migration.UnknownRevisionException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains a startup that failed in the migrations runner, with the setting or command
 * that fixes it. The description is the engine's message, which already names the
 * revisions, files and database message involved.
 */
class MigrationsFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

	private final Redactor redactor;

	/** Masks the passwords of the environment, {@code null} before there is one. */
	MigrationsFailureAnalyzer(Environment environment) {
		this.redactor = MigrationsSecrets.redactor(environment, null);
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
		if (cause instanceof FleetFailedException schemas) {
			return analyzeSchemas(schemas);
		}
		MigrationsInitializer.InstanceFailedException instance = findCause(rootFailure,
				MigrationsInitializer.InstanceFailedException.class);
		String database = (instance != null) ? "the database of Migrations bean '" + instance.instance() + "'"
				: "the database";
		return new FailureAnalysis(this.redactor
			.redact("Migrations could not bring " + database + " up to date on " + "startup: " + cause.getMessage()),
				this.redactor.redact(action(cause)), cause);
	}

	private FailureAnalysis analyzeSchemas(FleetFailedException schemas) {
		String action = "The other schemas were brought up to date and stay so. For each failed schema:"
				+ schemas.perTarget((failure) -> (failure instanceof MigrationException migration) ? action(migration)
						: "Check the message above.")
				+ System.lineSeparator() + "The schemas already up to date are not touched again.";
		return new FailureAnalysis(
				this.redactor.redact("Migrations could not bring every schema of migrations.schemas up to date on "
						+ "startup: " + schemas.getMessage()),
				this.redactor.redact(action), schemas);
	}

	private static String action(MigrationException cause) {
		if (cause instanceof MultipleHeadsException) {
			return "Set migrations.target to 'heads' to upgrade every branch, or to '<label>@head' or a revision id "
					+ "for one; or join the branches with a merge revision ('merge -m \"merge heads\" heads').";
		}
		if (cause instanceof UnknownRevisionException unknown) {
			return "Deploy the application version that has revision " + String.join(", ", unknown.revisions())
					+ ", or restore its file under migrations.locations. To start anyway without upgrading, set "
					+ "migrations.ignore-unknown-revisions=true.";
		}
		if (cause instanceof ChecksumMismatchException mismatch) {
			return "Restore the applied revision file" + ((mismatch.mismatches().size() == 1) ? " " : "s ")
					+ String.join(", ", mismatch.mismatches().stream().map(ChecksumMismatch::revision).toList())
					+ " as it was when it ran and put new changes in a new revision. If the edit was cosmetic, set "
					+ "migrations.validate-checksums=false.";
		}
		if (cause instanceof RevisionFailedException failed) {
			return "Fix revision " + failed.revision() + " (" + failed.location()
					+ ((failed.line() > 0) ? ", line " + failed.line() : "")
					+ ") using the database message above, then restart; the revisions before it stay applied. If it "
					+ "is not transactional, first repair what it did by hand and stamp, as the message says.";
		}
		if (cause instanceof UnfinishedRevisionException unfinished) {
			return "Repair the database by hand, then run" + unfinished.unfinished()
				.stream()
				.map((revision) -> " 'stamp " + String.join(" ", revision.stampIfUndone()) + "' (undone) or 'stamp "
						+ String.join(" ", revision.stampIfCompleted()) + "' (completed) for " + revision.revision()
						+ ",")
				.collect(Collectors.joining()) + " e.g. with the command line tool; then restart.";
		}
		if (cause instanceof LockLostException) {
			return "Another process may hold the migration lock now; restart to go on from where the database is. "
					+ "If the lock's session keeps ending, look for what ends it (an idle timeout of a pooler or a "
					+ "firewall).";
		}
		if (cause instanceof LockTimeoutException lock) {
			return "Another process holds the migration lock"
					+ ((lock.holder() != null) ? " (" + lock.holder() + ")" : "")
					+ ". Wait for it to finish, stop it if it hangs, or raise migrations.lock-timeout.";
		}
		if (cause instanceof LocationNotFoundException location) {
			return "Create '" + location.location() + "' (e.g. src/main/resources/db/revisions) or point "
					+ "migrations.locations at your revisions.";
		}
		if (cause instanceof PendingRevisionsException) {
			return "Apply the pending revisions first (CLI: 'upgrade heads'), set migrations.run-on-startup=true, or "
					+ "set migrations.fail-on-pending=false to start on an older schema.";
		}
		if (cause instanceof RevisionParseException || cause instanceof InvalidGraphException) {
			return "Fix the revision files named above; nothing was applied.";
		}
		return "Check the migrations.* settings and the revisions under migrations.locations.";
	}

}
