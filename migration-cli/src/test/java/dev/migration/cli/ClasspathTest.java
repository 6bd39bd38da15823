package dev.migration.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.migration.cli.Cli.Result;
import dev.migration.support.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.migration.cli.Cli.POSTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --classpath} loads Java revisions from a jar or a class folder built outside the
 * CLI.
 */
class ClasspathTest {

	private static final String SOURCE = """
			package example;

			import java.util.List;
			import dev.migration.JavaRevision;
			import dev.migration.operations.Operations;

			public final class AddTags implements JavaRevision {
				public String id() { return "aa11bb22cc33"; }
				public List<String> downRevisions() { return List.of("7d2e41c0b9aa"); }
				public String message() { return "Add tags"; }
				public void upgrade(Operations operations) { operations.execute("CREATE TABLE tags (id INTEGER)"); }
				public void downgrade(Operations operations) { operations.execute("DROP TABLE tags"); }
			}
			""";

	@TempDir
	Path directory;

	@Test
	void javaRevisionsFromAClassFolderAndAJarJoinTheGraph() throws IOException {
		Path classes = compile();
		Cli cli = Cli.withSeed(this.directory);
		Result history = cli.run("--classpath", classes.toString(), "history", "-r", POSTS + ":");
		assertThat(history.exitCode()).isZero();
		assertThat(history.lines()).containsExactly(POSTS + " -> aa11bb22cc33 (head), Add tags",
				"3f1c2a9b7d10 -> " + POSTS + ", Create posts");

		Path jar = jar(classes);
		SqliteDatabase database = SqliteDatabase.in(this.directory);
		Result upgrade = cli.run("--classpath", jar.toString(), "--url", database.url(), "upgrade", "heads");
		assertThat(upgrade.exitCode()).isZero();
		assertThat(upgrade.lines()).last().isEqualTo("Running upgrade " + POSTS + " -> aa11bb22cc33, Add tags");
		assertThat(database.tables()).contains("tags");
		assertThat(cli.run("--classpath", jar.toString(), "--url", database.url(), "downgrade", "-1").exitCode())
			.isZero();
		assertThat(database.tables()).doesNotContain("tags");
	}

	@Test
	void missingClasspathEntryFails() {
		Cli cli = Cli.withSeed(this.directory);
		Result result = cli.run("--classpath", this.directory.resolve("nothing.jar").toString(), "heads");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("FAILED: Classpath entry ").contains("nothing.jar").hasLineCount(1);
	}

	private Path compile() throws IOException {
		Path sources = Files.createDirectories(this.directory.resolve("src/example"));
		Path source = Files.writeString(sources.resolve("AddTags.java"), SOURCE);
		Path classes = Files.createDirectories(this.directory.resolve("classes"));
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp",
				System.getProperty("java.class.path"), source.toString());
		assertThat(status).isZero();
		return classes;
	}

	private Path jar(Path classes) throws IOException {
		Path jar = this.directory.resolve("revisions.jar");
		try (OutputStream file = Files.newOutputStream(jar); JarOutputStream output = new JarOutputStream(file)) {
			output.putNextEntry(new JarEntry("example/AddTags.class"));
			output.write(Files.readAllBytes(classes.resolve("example/AddTags.class")));
			output.closeEntry();
		}
		return jar;
	}

}
