package dev.migration.autoconfigure.aot;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints of the default settings, registered through
 * {@code META-INF/spring/aot.factories}.
 */
class MigrationsRuntimeHintsTests {

	@Test
	void theDefaultLocationAndTargetSchemaAreIncludedInANativeImage() {
		RuntimeHints hints = new RuntimeHints();
		AotServices.factories()
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));
		assertThat(RuntimeHintsPredicates.resource().forResource("db/revisions/a00000000001_create_things.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/revisions/2026/nested/b1_x.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/schema.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/revisions/notes.txt")).rejects(hints);
	}

}
