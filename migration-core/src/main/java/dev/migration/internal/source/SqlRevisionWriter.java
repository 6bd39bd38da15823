package dev.migration.internal.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migration.InvalidGraphException;
import dev.migration.InvalidRevisionArgumentException;
import dev.migration.MigrationException;
import dev.migration.NewRevision;
import dev.migration.internal.graph.RevisionGraph;
import dev.migration.internal.revision.Revision;

/**
 * The one place that writes SQL revision files ({@code revision}, {@code merge},
 * autogenerate), beside the parser and with its rules: every value is checked before
 * anything is written, the text is read back through {@link SqlRevisionParser} and the
 * graph is built with it, so a file this writes always loads and says what was asked. A
 * message is one header line: a line break in it is refused rather than joined, so that
 * what the user reads back ({@code history}, the history table) is what they typed.
 */
public final class SqlRevisionWriter {

	private static final SecureRandom random = new SecureRandom();

	private static final int SLUG_LENGTH = 40;

	private SqlRevisionWriter() {
	}

	/**
	 * Checks the revision against the parser's rules and the graph it joins, then writes
	 * {@code <id>_<slug>.sql} into the directory; nothing is written when a check fails.
	 * @param directory an existing revisions directory
	 * @param revision what to write
	 * @param graph the revisions it joins
	 * @param created the time for the {@code created} header
	 * @return the file written
	 * @throws InvalidRevisionArgumentException naming the bad value and the rule it
	 * breaks
	 */
	public static Path write(Path directory, NewRevision revision, RevisionGraph graph, Instant created) {
		String id = (revision.id() != null) ? revision.id() : unusedId(graph);
		String message = requireMessage(revision.message());
		requireValid(id, revision);
		requireFitsGraph(id, revision, graph);
		if (!Files.isDirectory(directory)) {
			throw new MigrationException("Revisions directory '" + directory + "' does not exist. Nothing was written."
					+ " Create it with 'init'.");
		}
		String slug = slug(message);
		Path file = directory.resolve(slug.isEmpty() ? id + ".sql" : id + "_" + slug + ".sql");
		String text = render(id, revision, message, created);
		requireReadsBack(file.toString(), text, id, revision, message, graph);
		writeNew(file, text);
		return file;
	}

	/** 12 random lowercase hex characters. */
	public static String newId() {
		byte[] bytes = new byte[6];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/**
	 * The message lower-cased, every character but {@code a-z} and {@code 0-9} turned
	 * into '_', at most 40.
	 */
	public static String slug(String message) {
		String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
		return (slug.length() > SLUG_LENGTH) ? slug.substring(0, SLUG_LENGTH) : slug;
	}

	static String render(String id, NewRevision revision, String message, Instant created) {
		StringBuilder text = new StringBuilder();
		text.append("-- revision: ").append(id).append('\n');
		text.append("-- down_revision: ")
			.append(revision.downRevisions().isEmpty() ? "none" : String.join(", ", revision.downRevisions()))
			.append('\n');
		text.append("-- message: ").append(message).append('\n');
		text.append("-- created: ").append(created.truncatedTo(ChronoUnit.SECONDS)).append('\n');
		if (!revision.branchLabels().isEmpty()) {
			text.append("-- branch_labels: ").append(String.join(", ", revision.branchLabels())).append('\n');
		}
		if (!revision.dependsOn().isEmpty()) {
			text.append("-- depends_on: ").append(String.join(", ", revision.dependsOn())).append('\n');
		}
		text.append("\n-- upgrade\n")
			.append(revision.upgradeSql())
			.append("\n-- downgrade\n")
			.append(revision.downgradeSql());
		return text.toString();
	}

	/**
	 * The message as the parser will read it: surrounding whitespace dropped (the parser
	 * drops it too). A line break would end the header line and make the rest a line of
	 * its own, even a header such as {@code -- transactional: false}; other control
	 * characters cannot be stored in the history table.
	 */
	static String requireMessage(String message) {
		String stripped = message.strip();
		for (int i = 0; i < stripped.length(); i++) {
			char character = stripped.charAt(i);
			boolean lineBreak = character == '\n' || character == '\r' || character == '\u0085' || character == '\u2028'
					|| character == '\u2029';
			if (lineBreak) {
				throw new InvalidRevisionArgumentException("message",
						"The message " + shown(message) + " holds a line break at character " + (i + 1)
								+ ": a message is one header line of the " + "file; write it on one line.");
			}
			if ((Character.isISOControl(character) && character != '\t') || isLoneSurrogate(stripped, i)) {
				throw new InvalidRevisionArgumentException("message",
						"The message " + shown(message) + " holds " + "the control character "
								+ shown(String.valueOf(character)) + " at character " + (i + 1)
								+ ": a message is plain text on one line; leave it out.");
			}
		}
		return stripped;
	}

	private static boolean isLoneSurrogate(String text, int index) {
		char character = text.charAt(index);
		if (Character.isHighSurrogate(character)) {
			return index + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(index + 1));
		}
		return Character.isLowSurrogate(character)
				&& (index == 0 || !Character.isHighSurrogate(text.charAt(index - 1)));
	}

	private static void requireValid(String id, NewRevision revision) {
		if (!RevisionIdentifiers.isId(id)) {
			throw new InvalidRevisionArgumentException("revision",
					"The revision id " + shown(id) + " is not valid: " + RevisionIdentifiers.ID_RULE + ".");
		}
		requireIds("down_revision", "down revision", revision.downRevisions());
		requireIds("depends_on", "dependency", revision.dependsOn());
		Set<String> labels = new HashSet<>();
		for (String label : revision.branchLabels()) {
			if (!RevisionIdentifiers.isLabel(label)) {
				throw new InvalidRevisionArgumentException("branch_labels",
						"The branch label " + shown(label) + " is not valid: " + RevisionIdentifiers.LABEL_RULE + ".");
			}
			if (!labels.add(label)) {
				throw new InvalidRevisionArgumentException("branch_labels",
						"The branch label " + shown(label) + " is given twice: give it once.");
			}
		}
		requireNoMarker("upgrade", revision.upgradeSql());
		requireNoMarker("downgrade", revision.downgradeSql());
	}

	private static void requireIds(String key, String noun, List<String> ids) {
		Set<String> seen = new HashSet<>();
		for (String id : ids) {
			if (!RevisionIdentifiers.isId(id)) {
				throw new InvalidRevisionArgumentException(key, "The " + noun + " " + shown(id) + " is not a valid "
						+ "revision id: " + RevisionIdentifiers.ID_RULE + ".");
			}
			if (!seen.add(id)) {
				throw new InvalidRevisionArgumentException(key,
						"The " + noun + " '" + id + "' is given twice: give " + "it once.");
			}
		}
	}

	/**
	 * A line the parser takes for a section marker would cut the section there (CR counts
	 * as a line break too).
	 */
	private static void requireNoMarker(String section, String sql) {
		String[] lines = sql.split("\r\n|\r|\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (SqlRevisionParser.isSectionMarker(lines[i])) {
				throw new InvalidRevisionArgumentException(section,
						"Line " + (i + 1) + " of the " + section + " SQL, " + shown(lines[i].strip())
								+ ", would be read as a section marker and cut the " + section
								+ " there: change that comment.");
			}
		}
	}

	private static void requireFitsGraph(String id, NewRevision revision, RevisionGraph graph) {
		if (graph.contains(id)) {
			throw conflict("The revision id '" + id + "' is already used by " + graph.get(id).location()
					+ ": choose another one.");
		}
		String labelled = graph.labels().get(id);
		if (labelled != null) {
			throw conflict("The revision id '" + id + "' is a branch label of revision " + labelled
					+ ": an id must differ from every label; choose another one.");
		}
		for (String down : revision.downRevisions()) {
			requireExists("down revision", down, graph);
		}
		for (String dependency : revision.dependsOn()) {
			requireExists("dependency", dependency, graph);
		}
		for (String label : revision.branchLabels()) {
			String owner = graph.labels().get(label);
			if (owner != null) {
				throw conflict("The branch label '" + label + "' is already used by revision " + owner
						+ ": a label names one branch; choose another one.");
			}
			if (graph.contains(label) || label.equals(id)) {
				throw conflict("The branch label '" + label + "' is a revision id: a label must differ from every "
						+ "id; choose another one.");
			}
		}
	}

	/**
	 * Not a value the file cannot hold, but one the folder already has or lacks: the
	 * command failed, not its usage.
	 */
	private static MigrationException conflict(String problem) {
		return new MigrationException(problem + " Nothing was written.");
	}

	private static void requireExists(String noun, String id, RevisionGraph graph) {
		if (!graph.contains(id)) {
			throw conflict("The " + noun + " '" + id + "' is no revision: 'history' lists them.");
		}
	}

	/**
	 * The parser must read back exactly what was asked, and the graph must take it; else
	 * the writer has a bug.
	 */
	private static void requireReadsBack(String location, String text, String id, NewRevision revision, String message,
			RevisionGraph graph) {
		Revision read = SqlRevisionParser.parse(location, text);
		boolean same = read.id().equals(id) && read.downRevisions().equals(revision.downRevisions())
				&& read.message().equals(message) && read.branchLabels().equals(revision.branchLabels())
				&& read.dependsOn().equals(revision.dependsOn()) && read.transactional();
		if (!same) {
			throw new IllegalStateException(
					"The revision written for " + id + " would read back as " + read + ". Nothing was written.");
		}
		List<Revision> all = new ArrayList<>(graph.revisions());
		all.add(read);
		try {
			RevisionGraph.of(all);
		}
		catch (InvalidGraphException ex) {
			throw new MigrationException("Revision " + id + " would make the revisions invalid: "
					+ ex.getMessage().replace(" Nothing was applied.", "") + " Nothing was written.", ex);
		}
	}

	private static void writeNew(Path file, String text) {
		try {
			Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE);
		}
		catch (FileAlreadyExistsException ex) {
			throw new MigrationException("File '" + file + "' already exists. Nothing was written.");
		}
		catch (IOException ex) {
			try {
				// a half-written file would fail every later command
				Files.deleteIfExists(file);
			}
			catch (IOException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw new MigrationException("Cannot write '" + file + "': " + ex.getMessage() + ". Nothing was written.",
					ex);
		}
	}

	private static String unusedId(RevisionGraph graph) {
		String id = newId();
		while (graph.contains(id)) {
			id = newId();
		}
		return id;
	}

	/**
	 * The value quoted, its line breaks and control characters escaped so that an error
	 * stays one line.
	 */
	static String shown(String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder shown = new StringBuilder("'");
		for (int i = 0; i < value.length(); i++) {
			char character = value.charAt(i);
			switch (character) {
				case '\n' -> shown.append("\\n");
				case '\r' -> shown.append("\\r");
				case '\t' -> shown.append("\\t");
				default -> {
					if (Character.isISOControl(character) || Character.getType(character) == Character.LINE_SEPARATOR
							|| Character.getType(character) == Character.PARAGRAPH_SEPARATOR
							|| Character.isSurrogate(character) && isLoneSurrogate(value, i)) {
						shown.append(String.format("\\u%04X", (int) character));
					}
					else {
						shown.append(character);
					}
				}
			}
		}
		return shown.append('\'').toString();
	}

}
