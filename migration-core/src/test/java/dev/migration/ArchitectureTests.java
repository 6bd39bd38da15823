package dev.migration;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The core is plain Java, and its public API stands apart from the internal packages:
 * users import {@code dev.migration} and {@code dev.migration.operations} and never see
 * an internal type.
 */
class ArchitectureTests {

	private static final JavaClasses core = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.migration");

	@Test
	void coreImportsNothingFromSpring() {
		noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(core);
	}

	@Test
	void publicPackagesImportNothingInternalExceptTheFacadeThatWiresIt() {
		noClasses().that()
			.resideOutsideOfPackage("dev.migration.internal..")
			.and()
			.doNotHaveFullyQualifiedName(Migrations.class.getName())
			// the fleet's facade wires the same engine per target
			.and()
			.doNotHaveFullyQualifiedName(Fleet.class.getName())
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.migration.internal..")
			.check(core);
	}

	@Test
	void noPublicSignatureOfThePublicApiShowsAnInternalType() {
		codeUnits().that()
			.arePublic()
			.and()
			.areDeclaredInClassesThat()
			.resideOutsideOfPackage("dev.migration.internal..")
			.and()
			.areDeclaredInClassesThat()
			.arePublic()
			.should(exposeNoInternalType())
			.check(core);
	}

	private static ArchCondition<JavaCodeUnit> exposeNoInternalType() {
		return new ArchCondition<>("expose no internal type") {

			@Override
			public void check(JavaCodeUnit codeUnit, ConditionEvents events) {
				for (JavaClass type : codeUnit.getRawParameterTypes()) {
					report(codeUnit, type, events);
				}
				report(codeUnit, codeUnit.getRawReturnType(), events);
			}

			private void report(JavaCodeUnit codeUnit, JavaClass type, ConditionEvents events) {
				if (type.getPackageName().startsWith("dev.migration.internal")) {
					events.add(SimpleConditionEvent.violated(codeUnit,
							codeUnit.getFullName() + " exposes internal type " + type.getName()));
				}
			}

		};
	}

}
