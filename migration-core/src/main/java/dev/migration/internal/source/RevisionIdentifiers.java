package dev.migration.internal.source;

import java.util.ArrayList;
import java.util.List;

import dev.migration.RevisionParseException;

/**
 * Checks ids and labels the same way for SQL files, Java classes and the files
 * {@link SqlRevisionWriter} writes, so that all fail with the same advice and whatever is
 * written reads back.
 */
final class RevisionIdentifiers {

	/** What {@link #isId} wants, for messages. */
	static final String ID_RULE = "use 1 to 32 letters, digits or underscores, not 'none' (which means no down "
			+ "revision)";

	/** What {@link #isLabel} wants, for messages. */
	static final String LABEL_RULE = "use letters, digits or underscores; a label must not be empty nor hold "
			+ "whitespace, control characters, '@' or ',', as it appears in targets such as 'label@head' and in a "
			+ "comma-separated header";

	private RevisionIdentifiers() {
	}

	static String requireId(String location, int line, String key, String id) {
		if (!isId(id)) {
			throw new RevisionParseException(location, line,
					key + " '" + id + "' is not a valid revision id: " + ID_RULE);
		}
		return id;
	}

	static List<String> requireIds(String location, int line, String key, List<String> ids) {
		if (ids == null) {
			throw new RevisionParseException(location, line, key + " is null: return an empty list instead");
		}
		List<String> checked = new ArrayList<>(ids.size());
		for (String id : ids) {
			requireId(location, line, key, id);
			if (checked.contains(id)) {
				throw new RevisionParseException(location, line, key + " names '" + id + "' twice: name it once");
			}
			checked.add(id);
		}
		return checked;
	}

	/**
	 * 1 to 32 letters, digits or underscores: ids chosen by hand; generated ids are 12
	 * lowercase hex characters. A plain scan, not a regular expression: it runs for every
	 * file at every start.
	 */
	static boolean isId(String id) {
		if (id == null || id.isEmpty() || id.length() > 32 || id.equalsIgnoreCase("none")) {
			return false;
		}
		for (int i = 0; i < id.length(); i++) {
			char character = id.charAt(i);
			boolean allowed = (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z')
					|| (character >= '0' && character <= '9') || character == '_';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Labels appear in targets such as {@code label@head}, so they must not hold '@', ','
	 * or whitespace.
	 */
	static List<String> requireLabels(String location, int line, List<String> labels) {
		if (labels == null) {
			throw new RevisionParseException(location, line, "branch_labels is null: return an empty list instead");
		}
		for (String label : labels) {
			if (!isLabel(label)) {
				throw new RevisionParseException(location, line,
						"branch label '" + label + "' is not valid: " + LABEL_RULE);
			}
		}
		return labels;
	}

	/**
	 * Whether a branch label reads back from a header line as it is and can be named in a
	 * target.
	 */
	static boolean isLabel(String label) {
		return label != null && !label.isEmpty()
				&& label.codePoints().noneMatch(RevisionIdentifiers::isForbiddenInLabel);
	}

	/** A lone surrogate is no character: written as UTF-8 it would read back as '?'. */
	private static boolean isForbiddenInLabel(int character) {
		return character == '@' || character == ',' || Character.isWhitespace(character)
				|| Character.isSpaceChar(character) || Character.isISOControl(character)
				|| Character.getType(character) == Character.SURROGATE;
	}

}
