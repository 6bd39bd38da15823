package dev.migration.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * When each schema of a fleet run started and ended, on which worker: the spread of the
 * schemas' durations and the tail (from the first worker going idle, its last schema done
 * and none left, to the last schema done), which show whether a slow run is slow
 * everywhere or waits on a few schemas.
 */
final class Schedule {

	private final long origin = System.nanoTime();

	private final ConcurrentLinkedQueue<Span> spans = new ConcurrentLinkedQueue<>();

	<R> R time(Callable<R> work) throws Exception {
		long start = System.nanoTime();
		try {
			return work.call();
		}
		finally {
			this.spans
				.add(new Span(Thread.currentThread().getName(), start - this.origin, System.nanoTime() - this.origin));
		}
	}

	/** Durations' percentiles and the tail, in ms. */
	String summary() {
		List<Long> durations = new ArrayList<>();
		Map<String, Long> lastEnd = new HashMap<>();
		for (Span span : this.spans) {
			durations.add(span.end() - span.start());
			lastEnd.merge(span.worker(), span.end(), Math::max);
		}
		if (durations.isEmpty()) {
			return "none";
		}
		durations.sort(null);
		long firstIdle = lastEnd.values().stream().mapToLong(Long::longValue).min().orElse(0);
		long lastDone = lastEnd.values().stream().mapToLong(Long::longValue).max().orElse(0);
		return String.format(Locale.ROOT, "schemas=%d workers=%d p50=%.0f p90=%.0f p99=%.0f max=%.0f tail=%.0f",
				durations.size(), lastEnd.size(), millis(percentile(durations, 0.5)),
				millis(percentile(durations, 0.9)), millis(percentile(durations, 0.99)),
				millis(durations.get(durations.size() - 1)), millis(lastDone - firstIdle));
	}

	private static long percentile(List<Long> sorted, double fraction) {
		return sorted.get(Math.min(sorted.size() - 1, (int) (fraction * sorted.size())));
	}

	private static double millis(long nanos) {
		return nanos / 1_000_000.0;
	}

	private record Span(String worker, long start, long end) {

	}

}
