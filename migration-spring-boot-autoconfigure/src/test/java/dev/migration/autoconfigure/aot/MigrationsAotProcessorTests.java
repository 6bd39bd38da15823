package dev.migration.autoconfigure.aot;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.migration.ClasspathLister;
import dev.migration.Migrations;
import dev.migration.RevisionIndex;
import dev.migration.autoconfigure.MigrationsContextRunners;
import dev.migration.autoconfigure.SqliteContextTests;
import dev.migration.autoconfigure.javarevisions.ScannedRevision;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring AOT records for the migrations at build time: the application is processed
 * as {@code spring-boot:process-aot} does it, with the auto-configuration and the
 * settings of the test.
 */
class MigrationsAotProcessorTests extends SqliteContextTests {

	MigrationsAotProcessorTests() {
		super(MigrationsContextRunners.withoutDataSource());
	}

	@Test
	void registersHintsForTheConfiguredLocationsTheTargetSchemaAndScannedJavaRevisions() {
		Processed processed = process(migrationsUrl(),
				"migrations.locations=classpath:db/revisions,classpath:db/{vendor}",
				"migrations.target-schema=classpath:db/desired/{vendor}.sql",
				"migrations.java-revision-packages=" + ScannedRevision.class.getPackageName());
		RuntimeHints hints = processed.context().getRuntimeHints();
		assertThat(RuntimeHintsPredicates.resource().forResource("db/revisions/a00000000001_create_things.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/sqlite/c00000000001_only_for_sqlite.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/desired/sqlite.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource(RevisionIndex.RESOURCE)).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("elsewhere/x.sql")).rejects(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(ScannedRevision.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
	}

	@Test
	void writesAnIndexOfTheRevisionFilesAndJavaRevisionsThatTheGeneratedCodeRegisters() throws Exception {
		Processed processed = process(migrationsUrl(),
				"migrations.locations=classpath:db/revisions,classpath:/db/{vendor}/",
				"migrations.java-revision-packages=" + ScannedRevision.class.getPackageName());
		RevisionIndex index = RevisionIndex
			.read(processed.files().getGeneratedFileContent(Kind.RESOURCE, RevisionIndex.RESOURCE), null);
		assertThat(index.list("db/revisions")).extracting(ClasspathLister.Entry::name)
			.containsExactly("a00000000001_create_things.sql", "a00000000002_add_colour.sql");
		assertThat(index.list("db/sqlite")).extracting(ClasspathLister.Entry::name)
			.containsExactly("c00000000001_only_for_sqlite.sql");
		assertThat(index.list("db/postgresql")).isNull();
		assertThat(index.javaRevisions(ScannedRevision.class.getPackageName()))
			.containsExactly(ScannedRevision.class.getName());
		assertThat(processed.files().getGeneratedFiles(Kind.SOURCE).values().stream().map((source) -> {
			try {
				return new String(source.getInputStream().readAllBytes());
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		})).anyMatch((source) -> source.contains("RevisionIndex.load("));
	}

	@Test
	void indexesEachFilesChecksumAndHeader() throws Exception {
		RevisionIndex index = RevisionIndex.read(processedIndex(), null);
		assertThat(index.list("db/revisions")).extracting(ClasspathLister.Entry::indexed)
			.allSatisfy((indexed) -> assertThat(indexed).matches("[0-9a-f]{64}\ta0000000000[12]\t.*"));
	}

	@Test
	void theApplicationRunWithTheIndexStartsOnAnUpToDateDatabaseWithoutReadingARevisionFile() throws Exception {
		String text = processedIndex();
		this.contextRunner.withPropertyValues(migrationsUrl())
			.run((context) -> assertThat(context.getBean(Migrations.class).current()).containsExactly("a00000000002"));
		// the indexed files as they would be had they changed after the build: reading
		// one fails
		Path classpath = Files.createDirectories(this.directory.resolve("classpath/db/revisions"))
			.getParent()
			.getParent();
		for (String name : List.of("a00000000001_create_things.sql", "a00000000002_add_colour.sql")) {
			Files.writeString(classpath.resolve("db/revisions/" + name), "-- changed after the build\n");
		}
		RevisionIndex index = RevisionIndex.read(text,
				new URLClassLoader(new URL[] { classpath.toUri().toURL() }, null));

		withIndex(index).withPropertyValues(migrationsUrl()).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrations.class).current()).containsExactly("a00000000002");
		});
		// on an empty database the same start runs the files, and refuses them as changed
		withIndex(index).withPropertyValues("migrations.url=" + MigrationsContextRunners.sqlite(classpath))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("classpath:db/revisions/a00000000001_create_things.sql changed after the "
						+ "application was built"));
	}

	@Test
	void recordsNothingWhenTheAutoConfigurationDoesNotMatch() throws Exception {
		Processed processed = process("migrations.enabled=false", migrationsUrl());
		assertThat(processed.files().getGeneratedFile(Kind.RESOURCE, RevisionIndex.RESOURCE)).isNull();
		assertThat(RuntimeHintsPredicates.resource().forResource(RevisionIndex.RESOURCE))
			.rejects(processed.context().getRuntimeHints());
	}

	@Test
	void startsNoReadingWhileSpringAotProcessesTheApplication() {
		AtomicReference<MigrationsRevisionReader> reader = new AtomicReference<>();
		process((context) -> reader.set(context.getBean(MigrationsRevisionReader.class)), migrationsUrl());
		assertThat(reader.get().startedReading()).isFalse();
	}

	/** The index that processing the default locations writes. */
	private String processedIndex() throws Exception {
		return process(migrationsUrl()).files().getGeneratedFileContent(Kind.RESOURCE, RevisionIndex.RESOURCE);
	}

	private Processed process(String... properties) {
		return process((context) -> {
		}, properties);
	}

	private Processed process(java.util.function.Consumer<GenericApplicationContext> after, String... properties) {
		InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "App")), files);
		this.contextRunner.withPropertyValues(properties).prepare((context) -> {
			GenericApplicationContext source = (GenericApplicationContext) context.getSourceApplicationContext();
			// what the AOT processor of spring-boot:process-aot does around its work
			System.setProperty("spring.aot.processing", "true");
			try {
				new ApplicationContextAotGenerator().processAheadOfTime(source, generationContext);
				generationContext.writeGeneratedContent();
			}
			finally {
				System.clearProperty("spring.aot.processing");
			}
			after.accept(source);
		});
		return new Processed(generationContext, files);
	}

	private record Processed(DefaultGenerationContext context, InMemoryGeneratedFiles files) {
	}

}
