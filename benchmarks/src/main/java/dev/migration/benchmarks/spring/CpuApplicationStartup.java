package dev.migration.benchmarks.spring;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/**
 * Records the CPU time of the thread that runs each startup step of Spring (bean
 * creation, configuration-class parsing, ...), without the CPU of the steps it contains:
 * run twice, once per mode, it tells on which step the main thread spends more CPU. Steps
 * on other threads than the main one are left out.
 */
final class CpuApplicationStartup implements ApplicationStartup {

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final Thread main = Thread.currentThread();

	private final Deque<CpuStep> open = new ArrayDeque<>();

	/** CPU in nanoseconds per step name and tags, without nested steps. */
	private final Map<String, Long> selfNanos = new TreeMap<>();

	@Override
	public StartupStep start(String name) {
		if (Thread.currentThread() != this.main) {
			return ApplicationStartup.DEFAULT.start(name);
		}
		CpuStep step = new CpuStep(name, this.threads.getCurrentThreadCpuTime());
		this.open.push(step);
		return step;
	}

	/** Each step's CPU in ms, largest first, as {@code CPU-STEP ms name tags}. */
	void print() {
		this.selfNanos.entrySet()
			.stream()
			.sorted(Collections.reverseOrder(Map.Entry.comparingByValue()))
			.forEach((entry) -> System.err.printf("CPU-STEP %.1f %s%n", entry.getValue() / 1e6, entry.getKey()));
	}

	private final class CpuStep implements StartupStep {

		private final String name;

		private final long started;

		private final StringBuilder tags = new StringBuilder();

		private long nested;

		CpuStep(String name, long started) {
			this.name = name;
			this.started = started;
		}

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public long getId() {
			return 0;
		}

		@Override
		public Long getParentId() {
			return null;
		}

		@Override
		public StartupStep tag(String key, String value) {
			// the bean's name identifies a step; a type or post-processor instance would
			// differ from run to run
			if (key.equals("beanName") || key.equals("postProcessor")) {
				this.tags.append(key).append('=').append(value.replaceAll("@[0-9a-f]+$", "")).append(' ');
			}
			return this;
		}

		@Override
		public StartupStep tag(String key, Supplier<String> value) {
			return tag(key, value.get());
		}

		@Override
		public Tags getTags() {
			return Collections::emptyIterator;
		}

		@Override
		public void end() {
			long total = CpuApplicationStartup.this.threads.getCurrentThreadCpuTime() - this.started;
			CpuApplicationStartup.this.open.remove(this);
			CpuStep parent = CpuApplicationStartup.this.open.peek();
			if (parent != null) {
				parent.nested += total;
			}
			CpuApplicationStartup.this.selfNanos.merge(this.name + " " + this.tags, total - this.nested, Long::sum);
		}

	}

}
