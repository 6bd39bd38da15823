package dev.migration.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the command line in-process with captured streams and its own environment, over a
 * copy of the seed revisions (users, email verification, teams, posts).
 */
final class Cli {

	static final String USERS = "1a2b3c4d5e6f";

	static final String EMAIL = "9a8b7c6d5e4f";

	static final String TEAMS = "3f1c2a9b7d10";

	static final String POSTS = "7d2e41c0b9aa";

	final Map<String, String> environment = new HashMap<>();

	final Path revisions;

	Cli(Path revisions) {
		this.revisions = revisions;
		this.environment.put("MIGRATIONS_LOCATION", revisions.toString());
	}

	private static final List<String> SEED = List.of("1a2b3c4d5e6f_create_users.sql",
			"9a8b7c6d5e4f_add_email_verification.sql", "3f1c2a9b7d10_create_teams.sql",
			"7d2e41c0b9aa_create_posts.sql");

	/** A CLI over a copy of the four seed revisions in {@code directory/revisions}. */
	static Cli withSeed(Path directory) {
		Path revisions = directory.resolve("revisions");
		try {
			Files.createDirectories(revisions);
			// the core's seed revisions, from its test jar
			for (String name : SEED) {
				try (InputStream content = Cli.class.getResourceAsStream("/db/seed/" + name)) {
					Files.copy(content, revisions.resolve(name));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Cli(revisions);
	}

	Cli database(String url, String user, String password) {
		this.environment.put("MIGRATIONS_URL", url);
		if (user != null) {
			this.environment.put("MIGRATIONS_USER", user);
		}
		if (password != null) {
			this.environment.put("MIGRATIONS_PASSWORD", password);
		}
		return this;
	}

	Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = MigrationCli.execute(new PrintWriter(out), new PrintWriter(err), this.environment, args);
		return new Result(exitCode, out.toString(), err.toString());
	}

	void write(String fileName, String text) {
		try {
			Files.writeString(this.revisions.resolve(fileName), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String revision(String id, String down, String message, String upgrade, String downgrade) {
		return "-- revision: " + id + "\n-- down_revision: " + down + "\n-- message: " + message + "\n\n-- upgrade\n"
				+ upgrade + "\n\n-- downgrade\n" + downgrade + "\n";
	}

	record Result(int exitCode, String out, String err) {

		List<String> lines() {
			return this.out.lines().toList();
		}

	}

}
