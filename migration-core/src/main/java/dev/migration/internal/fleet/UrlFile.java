package dev.migration.internal.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.migration.FleetTarget;
import dev.migration.MigrationException;

/**
 * A file of JDBC URLs, one database per line; blank lines and {@code #} comments are
 * skipped. Each URL is named by itself without its password, since names are printed and
 * hashed into shards (a rotated password must not move a database to another shard).
 */
public final class UrlFile {

	/**
	 * {@code user:secret@} in the authority: the secret may hold {@code @}, so up to the
	 * last one before the path.
	 */
	private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/:@]*):[^/]*@");

	/**
	 * A password parameter, in the query ({@code ?&}) or PostgreSQL-style properties
	 * ({@code ;}).
	 */
	private static final Pattern PASSWORD_PARAMETER = Pattern
		.compile("(?i)([?&;])(?:password|passwd|pwd|sslpassword)=[^&]*(&|$)");

	private UrlFile() {
	}

	public static List<FleetTarget> read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MigrationException("Cannot read the URL file '" + file + "': " + ex.getMessage()
					+ ". Nothing was run. Give a file with one JDBC URL per line.", ex);
		}
		List<FleetTarget> targets = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (int index = 0; index < lines.size(); index++) {
			String line = lines.get(index).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			int number = index + 1;
			String name = withoutPassword(line);
			if (!line.startsWith("jdbc:")) {
				throw new MigrationException(file + ":" + number + ": '" + name + "' is not a JDBC URL (jdbc:...). "
						+ "Nothing was run. Write one JDBC URL per line; # starts a comment.");
			}
			Integer first = seen.putIfAbsent(name, number);
			if (first != null) {
				throw new MigrationException(file + ":" + number + ": " + name + " is already on line " + first
						+ ". Nothing was run. List each database once.");
			}
			targets.add(new FleetTarget(name, line, null));
		}
		return targets;
	}

	/**
	 * The URL without the password of its user info and without password parameters; the
	 * user name stays.
	 */
	public static String withoutPassword(String url) {
		String name = USER_INFO_PASSWORD.matcher(url).replaceFirst("$1@");
		String previous;
		do {
			previous = name;
			name = PASSWORD_PARAMETER.matcher(name).replaceFirst("$1");
		}
		while (!name.equals(previous));
		// a parameter that was the last one leaves its separator behind
		return name.replaceAll("[?&;]$", "");
	}

}
