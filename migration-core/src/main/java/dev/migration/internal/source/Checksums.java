package dev.migration.internal.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checksums of revision sources, stored in {@code migration_history} and compared by
 * {@code validate}.
 */
public final class Checksums {

	private static final MessageDigest PROTOTYPE = lookUp();

	private Checksums() {
	}

	/**
	 * The SHA-256 hex of the normalized source: without a leading BOM, with LF line
	 * endings, without trailing whitespace on each line and without trailing blank lines.
	 * Git's line-ending conversion and an editor that trims lines leave it unchanged; any
	 * other edit changes it.
	 * @param source the revision file's content
	 * @return 64 lowercase hex characters
	 */
	public static String sha256(String source) {
		byte[] normalized = normalize(source).getBytes(StandardCharsets.UTF_8);
		return hex(newDigest().digest(normalized));
	}

	/**
	 * The same checksum from a file's bytes and their decoded text. Most files are normal
	 * already (LF line endings, no trailing spaces, no BOM): then the checksum is that of
	 * a prefix of the bytes, and the text is neither copied nor encoded again, which is
	 * most of the cost of reading a thousand revisions in a JVM that has just started.
	 * @param utf8 the file's content
	 * @param decoded the same content decoded
	 * @return 64 lowercase hex characters
	 */
	public static String sha256(byte[] utf8, String decoded) {
		int length = normalizedLength(utf8);
		if (length < 0) {
			return sha256(decoded);
		}
		MessageDigest digest = newDigest();
		digest.update(utf8, 0, length);
		return hex(digest.digest());
	}

	/**
	 * The length of the normalized content when it is a prefix of the bytes, else -1: no
	 * CR, no BOM, no line that ends in whitespace (or in a non-ASCII character, which
	 * might be whitespace), so only trailing line breaks go.
	 */
	static int normalizedLength(byte[] utf8) {
		int end = utf8.length;
		while (end > 0 && utf8[end - 1] == '\n') {
			end--;
		}
		if (end > 0 && !isKept(utf8[end - 1])) {
			return -1;
		}
		for (int i = 0; i < end; i++) {
			byte character = utf8[i];
			if (character == '\r' || (character == '\n' && i > 0 && utf8[i - 1] != '\n' && !isKept(utf8[i - 1]))) {
				return -1;
			}
		}
		// a BOM starts with a byte that is not ASCII, so only such a start needs the slow
		// path
		return (end > 0 && utf8[0] < 0) ? -1 : end;
	}

	/** A printable ASCII character, which trimming never removes. */
	private static boolean isKept(byte character) {
		return character > ' ' && character < 0x7F;
	}

	static String normalize(String source) {
		int start = (!source.isEmpty() && source.charAt(0) == '\uFEFF') ? 1 : 0;
		StringBuilder normalized = new StringBuilder(source.length());
		// the length up to the last line that is not blank, so trailing blank lines fall
		// away at the end
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

	private static String hex(byte[] digest) {
		return HexFormat.of().formatHex(digest);
	}

	/**
	 * A copy of one digest: looking the algorithm up among the providers costs more than
	 * hashing a small file.
	 */
	private static MessageDigest newDigest() {
		try {
			return (MessageDigest) PROTOTYPE.clone();
		}
		catch (CloneNotSupportedException ex) {
			return lookUp();
		}
	}

	private static MessageDigest lookUp() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			// every Java platform must provide SHA-256
			throw new IllegalStateException(ex);
		}
	}

}
