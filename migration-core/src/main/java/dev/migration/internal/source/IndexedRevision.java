package dev.migration.internal.source;

import java.net.URL;
import java.util.List;

import dev.migration.MigrationException;
import dev.migration.internal.revision.Revision;
import dev.migration.internal.revision.RevisionBody;
import dev.migration.internal.revision.SqlBody;

/**
 * A SQL revision file as the revision index written at build time holds it: its checksum
 * and everything of its header that the graph, a status and a plan read, in one line of
 * tab-separated fields. The revision built from it reads its file only when a body is
 * split (a step runs, {@code --sql}, a listing with statements), and then checks that the
 * file is still the one indexed.
 */
public final class IndexedRevision {

	private static final int FIELDS = 9;

	private final String location;

	private final URL url;

	private final String checksum;

	private volatile Revision read;

	private IndexedRevision(String location, URL url, String checksum) {
		this.location = location;
		this.url = url;
		this.checksum = checksum;
	}

	/**
	 * Reads and parses a revision file at build time.
	 * @param location the file as the engine names it
	 * ({@code classpath:db/revisions/a.sql})
	 * @param url where to read it
	 * @return the fields the index holds for it
	 * @throws dev.migration.RevisionParseException when the file is malformed
	 */
	public static String describe(String location, URL url) {
		Revision revision = RevisionLoader.parseContent(location, RevisionLoader.read(location, url));
		return String.join("\t", revision.checksum(), revision.id(), String.join(",", revision.downRevisions()),
				String.join(",", revision.dependsOn()), String.join(",", revision.branchLabels()),
				String.valueOf(revision.transactional()), String.valueOf(revision.reversible()),
				escape(revision.created()), escape(revision.message()));
	}

	/**
	 * The revision of an indexed file, its bodies read when first split.
	 * @param location the file as the engine names it
	 * @param url where to read it
	 * @param fields what {@link #describe} gave at build time
	 * @return the revision
	 */
	static Revision revision(String location, URL url, String fields) {
		String[] field = fields.split("\t", -1);
		if (field.length != FIELDS) {
			throw new MigrationException("The revision index written at build time holds " + field.length
					+ " fields instead of " + FIELDS + " for " + location + ": build the application again");
		}
		IndexedRevision file = new IndexedRevision(location, url, field[0]);
		SqlBody upgrade = SqlBody.read(location, () -> file.body(file.read().upgrade()));
		SqlBody downgrade = Boolean.parseBoolean(field[6])
				? SqlBody.read(location, () -> file.body(file.read().downgrade())) : null;
		return new Revision(field[1], ids(field[2]), ids(field[3]), ids(field[4]), unescape(field[8]),
				unescape(field[7]), Boolean.parseBoolean(field[5]), field[0], location, upgrade, downgrade);
	}

	/**
	 * The file as it is now, parsed once for both bodies; a file whose checksum is not
	 * the indexed one was changed after the build, and nothing of it runs.
	 */
	private Revision read() {
		Revision current = this.read;
		if (current == null) {
			byte[] content = RevisionLoader.read(this.location, this.url);
			String checksum = Checksums.sha256(content, RevisionLoader.decode(this.location, content));
			if (!checksum.equals(this.checksum)) {
				throw new MigrationException("Revision " + this.location + " changed after the application was built: "
						+ "its checksum is " + checksum + ", the revision index written at build time holds "
						+ this.checksum + ". The index is stale; nothing was run. Build the application again, so that "
						+ "its AOT processing indexes the files as they are.");
			}
			current = RevisionLoader.parseContent(this.location, content);
			this.read = current;
		}
		return current;
	}

	/** The same checksum means the same sections, so a body indexed as present is one. */
	private SqlBody body(RevisionBody body) {
		return (body != null) ? (SqlBody) body : SqlBody.EMPTY;
	}

	private static List<String> ids(String field) {
		return field.isEmpty() ? List.of() : List.of(field.split(","));
	}

	/** A header value is one line, but may hold tabs and backslashes. */
	private static String escape(String value) {
		return value.replace("\\", "\\\\").replace("\t", "\\t");
	}

	private static String unescape(String value) {
		if (value.indexOf('\\') < 0) {
			return value;
		}
		StringBuilder result = new StringBuilder(value.length());
		for (int index = 0; index < value.length(); index++) {
			char character = value.charAt(index);
			if (character == '\\' && index + 1 < value.length()) {
				index++;
				result.append((value.charAt(index) == 't') ? '\t' : value.charAt(index));
			}
			else {
				result.append(character);
			}
		}
		return result.toString();
	}

}
