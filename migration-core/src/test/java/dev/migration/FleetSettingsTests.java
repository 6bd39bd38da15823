package dev.migration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fleet settings as a command line gives them: the targets, a shard as {@code K/N}
 * and the parallelism; a wrong one is an {@link InvalidSettingException} that names it.
 */
class FleetSettingsTests {

	@TempDir
	Path directory;

	private final Fleet fleet = Fleet.of(Migrations.create(MigrationConfiguration.builder().locations().build()));

	@Test
	void aShardGivenAsTextKeepsThePartItNames() {
		List<FleetTarget> targets = List.of("a", "b", "c", "d", "e", "f").stream().map(FleetTarget::schema).toList();
		for (int part = 1; part <= 3; part++) {
			assertThat(Fleet.shard(targets, " " + part + "/3 ")).isEqualTo(Fleet.shard(targets, part, 3));
		}
	}

	@Test
	void aShardThatIsNotAPartOfTheFleetIsAnInvalidSetting() {
		for (String shard : List.of("4/3", "0/3", "1/0", "1", "a/b", "1/2/3", "")) {
			assertThatExceptionOfType(InvalidSettingException.class).as(shard)
				.isThrownBy(() -> Fleet.shard(List.of(), shard))
				.withMessageContaining("'" + shard + "'")
				.withMessageEndingWith("Nothing was run.")
				.extracting(InvalidSettingException::setting)
				.isEqualTo("shard");
		}
	}

	@Test
	void theTargetsAreTheUrlsOfTheFileThenTheShardsPart() throws IOException {
		Path file = Files.write(this.directory.resolve("urls.txt"),
				List.of("jdbc:sqlite:a.db", "jdbc:sqlite:b.db", "jdbc:sqlite:c.db"));
		assertThat(this.fleet.targets(null, file, null)).isEqualTo(Fleet.urls(file));
		assertThat(this.fleet.targets(null, file, "2/2")).isEqualTo(Fleet.shard(Fleet.urls(file), 2, 2));
	}

	@Test
	void schemasAndAUrlFileTogetherOrNeitherAreAnInvalidSetting() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> this.fleet.targets("tenant_%", Path.of("urls.txt"), null))
			.withMessageContaining("not both");
		assertThatExceptionOfType(InvalidSettingException.class).isThrownBy(() -> this.fleet.targets(null, null, "1/2"))
			.withMessageContaining("neither");
	}

	@Test
	void aParallelismBelowOneIsAnInvalidSetting() {
		assertThatExceptionOfType(InvalidSettingException.class).isThrownBy(() -> this.fleet.parallelism(0))
			.withMessageContaining("got 0")
			.extracting(InvalidSettingException::setting)
			.isEqualTo("parallelism");
	}

}
