package dev.migration.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The kit uses the core's public API only, as any user's code does.
 */
class ArchitectureTests {

	private final JavaClasses kit = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.migration.test");

	@Test
	void kitImportsNothingInternal() {
		noClasses().should().dependOnClassesThat().resideInAPackage("dev.migration.internal..").check(this.kit);
	}

}
