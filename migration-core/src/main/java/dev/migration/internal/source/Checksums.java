package dev.migration.internal.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checksums of revision sources, stored in {@code migration_history} and compared by {@code validate}.
 */
public final class Checksums {

	private Checksums() {
	}

	/**
	 * The SHA-256 hex of the normalized source: without a leading BOM, with LF line endings, without trailing
	 * whitespace on each line and without trailing blank lines. Git's line-ending conversion and an editor that trims
	 * lines leave it unchanged; any other edit changes it.
	 * @param source the revision file's content
	 * @return 64 lowercase hex characters
	 */
	public static String sha256(String source) {
		byte[] normalized = normalize(source).getBytes(StandardCharsets.UTF_8);
		return HexFormat.of().formatHex(sha256Digest().digest(normalized));
	}

	static String normalize(String source) {
		int start = (!source.isEmpty() && source.charAt(0) == '\uFEFF') ? 1 : 0;
		StringBuilder normalized = new StringBuilder(source.length());
		// the length up to the last line that is not blank, so trailing blank lines fall away at the end
		int contentLength = 0;
		int lineStart = start;
		while (lineStart <= source.length()) {
			int lineEnd = lineStart;
			while (lineEnd < source.length() && source.charAt(lineEnd) != '\n' && source.charAt(lineEnd) != '\r') {
				lineEnd++;
			}
			int trimmedEnd = lineEnd;
			while (trimmedEnd > lineStart && Character.isWhitespace(source.charAt(trimmedEnd - 1))) {
				trimmedEnd--;
			}
			if (lineStart > start) {
				normalized.append('\n');
			}
			normalized.append(source, lineStart, trimmedEnd);
			if (trimmedEnd > lineStart) {
				contentLength = normalized.length();
			}
			if (lineEnd == source.length()) {
				break;
			}
			boolean crlf = source.charAt(lineEnd) == '\r' && lineEnd + 1 < source.length()
					&& source.charAt(lineEnd + 1) == '\n';
			lineStart = lineEnd + (crlf ? 2 : 1);
		}
		normalized.setLength(contentLength);
		return normalized.toString();
	}

	private static MessageDigest sha256Digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			// every Java platform must provide SHA-256
			throw new IllegalStateException(ex);
		}
	}

}
