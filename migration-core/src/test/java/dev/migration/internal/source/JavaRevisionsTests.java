package dev.migration.internal.source;

import java.util.List;

import dev.migration.JavaRevision;
import dev.migration.RevisionParseException;
import dev.migration.internal.revision.JavaBody;
import dev.migration.internal.revision.Revision;
import dev.migration.operations.Operations;
import dev.migration.support.TestRevision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JavaRevisionsTests {

	@Test
	void adaptsAReversibleRevision() {
		ReversibleRevision javaRevision = new ReversibleRevision();
		Revision revision = JavaRevisions.adapt(javaRevision);
		// every field at once: no created time, no checksum (the class has no source
		// text)
		assertThat(revision).isEqualTo(new Revision("7d2e41c0b9aa", List.of("3f1c2a9b7d10"), List.of("r0"),
				List.of("billing"), "Backfill display names", "", false, null, ReversibleRevision.class.getName(),
				new JavaBody(javaRevision, true), new JavaBody(javaRevision, false)));
	}

	@Test
	void adaptsARevisionThatExecutesSqlAndDoesNotOverrideDowngradeAsIrreversible() {
		Revision revision = JavaRevisions.adapt(new IrreversibleRevision("r1", List.of()));
		assertThat(revision.reversible()).isFalse();
		assertThat(revision.transactional()).isTrue();
		assertThat(revision.downRevisions()).isEmpty();
	}

	@Test
	void takesAnInheritedDowngradeOverrideForReversible() {
		Revision revision = JavaRevisions.adapt(new ReversibleRevision() {
		});
		assertThat(revision.reversible()).isTrue();
	}

	@Test
	void rejectsAnInvalidId() {
		assertThatExceptionOfType(RevisionParseException.class)
			.isThrownBy(() -> JavaRevisions.adapt(new IrreversibleRevision("bad-id", List.of())))
			.satisfies((ex) -> {
				assertThat(ex.location()).isEqualTo(IrreversibleRevision.class.getName());
				assertThat(ex.line()).isZero();
			})
			.withMessageContaining("revision 'bad-id' is not a valid revision id");
	}

	@Test
	void rejectsAnInvalidDownRevision() {
		assertThatExceptionOfType(RevisionParseException.class)
			.isThrownBy(() -> JavaRevisions.adapt(new IrreversibleRevision("r1", List.of("ok", "not ok"))))
			.withMessageContaining("down_revision 'not ok' is not a valid revision id");
	}

	@Test
	void rejectsAnInvalidDependency() {
		JavaRevision revision = new IrreversibleRevision("r1", List.of()) {

			@Override
			public List<String> dependsOn() {
				return List.of("x".repeat(33));
			}

		};
		assertThatExceptionOfType(RevisionParseException.class).isThrownBy(() -> JavaRevisions.adapt(revision))
			.withMessageContaining("depends_on '" + "x".repeat(33) + "' is not a valid revision id");
	}

	static class ReversibleRevision extends TestRevision {

		ReversibleRevision() {
			super("7d2e41c0b9aa", "3f1c2a9b7d10", "Backfill display names", false);
		}

		@Override
		public List<String> branchLabels() {
			return List.of("billing");
		}

		@Override
		public List<String> dependsOn() {
			return List.of("r0");
		}

		@Override
		public void upgrade(Operations operations) {
			operations.execute("UPDATE users SET name = username");
		}

		@Override
		public void downgrade(Operations operations) {
			operations.execute("UPDATE users SET name = NULL");
		}

	}

	static class IrreversibleRevision extends TestRevision {

		IrreversibleRevision(String id, List<String> downRevisions) {
			super(id, downRevisions, "", true);
		}

		@Override
		public void upgrade(Operations operations) {
			operations.execute("DROP TABLE legacy");
		}

	}

}
