package dev.migration;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeferredListTests {

	@Test
	void computesOnFirstReadAndOnlyOnce() {
		AtomicInteger computations = new AtomicInteger();
		List<String> list = DeferredList.of(() -> {
			computations.incrementAndGet();
			return List.of("CREATE TABLE a (id INT)", "CREATE TABLE b (id INT)");
		});
		RevisionInfo info = new RevisionInfo("a1", List.of(), List.of(), List.of(), "", "", true, true, null, "a1",
				true, false, false, list, List.of(), List.of());
		assertThat(computations).hasValue(0);
		assertThat(info.upgradeSql()).containsExactly("CREATE TABLE a (id INT)", "CREATE TABLE b (id INT)");
		assertThat(info.upgradeSql()).isEqualTo(List.of("CREATE TABLE a (id INT)", "CREATE TABLE b (id INT)"));
		assertThat(computations).hasValue(1);
	}

	@Test
	void cannotBeChanged() {
		List<String> list = DeferredList.of(() -> List.of("SELECT 1"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> list.add("SELECT 2"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> list.set(0, "SELECT 2"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(list::clear);
		assertThat(list).containsExactly("SELECT 1");
	}

}
