package dev.migration.internal.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.migration.FleetTarget;
import dev.migration.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UrlFileTests {

	@TempDir
	Path directory;

	@Test
	void oneUrlPerLineWithBlankLinesAndCommentsSkipped() throws IOException {
		Path file = this.directory.resolve("tenants.txt");
		Files.writeString(file, "# tenants\n\njdbc:sqlite:/data/a.db\n  jdbc:postgresql://bob:s3cret@db/b  \n"
				+ "jdbc:postgresql://db/c?user=carol&password=hunter2&ssl=true\n# jdbc:sqlite:/data/old.db\n");
		assertThat(UrlFile.read(file)).extracting(FleetTarget::name)
			.containsExactly("jdbc:sqlite:/data/a.db", "jdbc:postgresql://bob@db/b",
					"jdbc:postgresql://db/c?user=carol&ssl=true");
		assertThat(UrlFile.read(file).get(1).url()).isEqualTo("jdbc:postgresql://bob:s3cret@db/b");
		assertThat(UrlFile.read(file).get(1)).hasToString("jdbc:postgresql://bob@db/b");
	}

	@Test
	void passwordsLeaveTheNameWhereverTheyAre() {
		assertThat(UrlFile.withoutPassword("jdbc:postgresql://db/c?password=x&user=u"))
			.isEqualTo("jdbc:postgresql://db/c?user=u");
		assertThat(UrlFile.withoutPassword("jdbc:postgresql://db/c?user=u&password=x"))
			.isEqualTo("jdbc:postgresql://db/c?user=u");
		assertThat(UrlFile.withoutPassword("jdbc:postgresql://u:p@ss;w@rd@db:5432/c"))
			.isEqualTo("jdbc:postgresql://u@db:5432/c");
		assertThat(UrlFile.withoutPassword("jdbc:postgresql://db/c?PASSWORD=a;b&sslpassword=k"))
			.isEqualTo("jdbc:postgresql://db/c");
	}

	@Test
	void aLineThatIsNoJdbcUrlOrRepeatsOneIsRefusedWithItsLine() throws IOException {
		Path file = this.directory.resolve("bad.txt");
		Files.writeString(file, "jdbc:sqlite:a.db\npostgres://u:pw@db/x\n");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> UrlFile.read(file))
			.withMessageContaining(file + ":2: 'postgres://u@db/x' is not a JDBC URL")
			.withMessageNotContaining("pw");
		Files.writeString(file, "jdbc:sqlite:a.db\n\njdbc:sqlite:a.db\n");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> UrlFile.read(file))
			.withMessageContaining(file + ":3: jdbc:sqlite:a.db is already on line 1");
	}

}
