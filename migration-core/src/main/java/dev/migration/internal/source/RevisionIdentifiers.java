package dev.migration.internal.source;

import java.util.ArrayList;
import java.util.List;

import dev.migration.RevisionParseException;
import dev.migration.internal.revision.Revision;

/**
 * Checks ids and labels the same way for SQL files and Java classes, so both fail with the same advice.
 */
final class RevisionIdentifiers {

	private RevisionIdentifiers() {
	}

	static String requireId(String location, int line, String key, String id) {
		if (!isId(id)) {
			throw new RevisionParseException(location, line,
					key + " '" + id + "' is not a valid revision id: use 1 to 32 letters, digits or underscores");
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
	 * 1 to 32 letters, digits or underscores: ids chosen by hand; generated ids are 12 lowercase hex characters. A
	 * plain scan, not a regular expression: it runs for every file at every start.
	 */
	static boolean isId(String id) {
		if (id == null || id.isEmpty() || id.length() > 32) {
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

	/** Labels appear in targets such as {@code label@head}, so they must not hold '@', ',' or whitespace. */
	static List<String> requireLabels(String location, int line, List<String> labels) {
		if (labels == null) {
			throw new RevisionParseException(location, line, "branch_labels is null: return an empty list instead");
		}
		for (String label : labels) {
			if (label == null || label.isEmpty() || label.chars().anyMatch(RevisionIdentifiers::isForbiddenInLabel)) {
				throw new RevisionParseException(location, line, "branch label '" + label
						+ "' is not valid: use letters, digits or underscores, without '@', ',' or spaces");
			}
		}
		return labels;
	}

	private static boolean isForbiddenInLabel(int character) {
		return character == '@' || character == ',' || Character.isWhitespace(character);
	}

}
