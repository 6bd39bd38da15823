package dev.migration.internal.fleet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import dev.migration.MigrationException;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ShardsPropertyTests {

	@Property(tries = 300)
	void thePartsAreDisjointAndTogetherTheWholeFleetInItsOrder(
			@ForAll @Size(max = 200) @UniqueElements List<String> names,
			@ForAll @IntRange(min = 1, max = 16) int parts) {
		List<String> joined = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int part = 1; part <= parts; part++) {
			List<String> shard = Shards.part(names, Function.identity(), part, parts);
			for (String name : shard) {
				assertThat(seen.add(name)).as("%s in two parts", name).isTrue();
			}
			assertThat(shard).isEqualTo(names.stream().filter(shard::contains).toList());
			joined.addAll(shard);
		}
		assertThat(joined).containsExactlyInAnyOrderElementsOf(names);
	}

	@Property(tries = 200)
	void aNameFallsInTheSamePartWhateverElseIsInTheFleet(@ForAll String name,
			@ForAll @Size(max = 20) List<String> others, @ForAll @IntRange(min = 1, max = 16) int parts) {
		List<String> fleet = new ArrayList<>(others);
		fleet.add(name);
		int part = Shards.partOf(name, parts);
		assertThat(Shards.part(fleet, Function.identity(), part, parts)).contains(name);
	}

	/** Pinned: machines running different builds must still agree on the parts. */
	@Example
	void thePartOfANameIsFixedAcrossJvmsAndVersions() {
		assertThat(List.of("tenant_001", "tenant_002", "tenant_003", "tenant_004", "tenant_005")
			.stream()
			.map((name) -> Shards.partOf(name, 4))
			.toList()).containsExactly(3, 4, 1, 3, 2);
	}

	@Example
	void aShardOutsideOneToNIsRefused() {
		for (int[] shard : new int[][] { { 0, 4 }, { 5, 4 }, { 1, 0 } }) {
			assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(() -> Shards.part(List.of("a"), Function.identity(), shard[0], shard[1]))
				.withMessageContaining("Invalid shard " + shard[0] + "/" + shard[1]);
		}
	}

}
