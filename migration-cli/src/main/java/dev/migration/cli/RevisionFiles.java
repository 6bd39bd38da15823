package dev.migration.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.migration.MigrationException;

/**
 * Writes new SQL revision files in the format of CONTRACT §1: {@code <id>_<slug>.sql} with the header lines and the
 * two empty sections.
 */
final class RevisionFiles {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,32}");

	private static final SecureRandom random = new SecureRandom();

	private RevisionFiles() {
	}

	/** 12 random lowercase hex characters. */
	static String newId() {
		byte[] bytes = new byte[6];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	static String requireId(String id) {
		if (!ID.matcher(id).matches()) {
			throw new UsageException("--rev-id '" + id + "' is not a valid revision id: use 1 to 32 letters, digits or underscores.");
		}
		return id;
	}

	/** The message lower-cased, every non-alphanumeric character turned into '_', at most 40 characters. */
	static String slug(String message) {
		String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
		return (slug.length() > 40) ? slug.substring(0, 40) : slug;
	}

	static Path write(Path directory, String id, List<String> downRevisions, String message, List<String> branchLabels,
			List<String> dependsOn) {
		return write(directory, id, downRevisions, message, branchLabels, dependsOn, "", "");
	}

	/** A revision whose sections hold the given SQL (each ending with a line break, or empty). */
	static Path write(Path directory, String id, List<String> downRevisions, String message, List<String> branchLabels,
			List<String> dependsOn, String upgrade, String downgrade) {
		if (!Files.isDirectory(directory)) {
			throw new MigrationException("Revisions directory '" + directory + "' does not exist. Nothing was written."
					+ " Create it with 'init'.");
		}
		String slug = slug(message);
		Path file = directory.resolve(slug.isEmpty() ? id + ".sql" : id + "_" + slug + ".sql");
		StringBuilder text = new StringBuilder();
		text.append("-- revision: ").append(id).append('\n');
		text.append("-- down_revision: ").append(downRevisions.isEmpty() ? "none" : String.join(", ", downRevisions))
			.append('\n');
		text.append("-- message: ").append(message.replace('\n', ' ')).append('\n');
		text.append("-- created: ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
		if (!branchLabels.isEmpty()) {
			text.append("-- branch_labels: ").append(String.join(", ", branchLabels)).append('\n');
		}
		if (!dependsOn.isEmpty()) {
			text.append("-- depends_on: ").append(String.join(", ", dependsOn)).append('\n');
		}
		text.append("\n-- upgrade\n").append(upgrade).append("\n-- downgrade\n").append(downgrade);
		try {
			Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
		}
		catch (java.nio.file.FileAlreadyExistsException ex) {
			throw new MigrationException("File '" + file + "' already exists. Nothing was written.");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
		return file;
	}

}
