package dev.migration.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One measured run in a fresh JVM:
 * {@code ToolMain TOOL OPERATION workloadDir kind url user password}. Prints one line
 * {@code RESULT millis=M rssKb=K result=R}: the time from the start of {@code main} (so
 * the tool's class loading counts, the JVM's own start does not) to the end of the
 * operation, and the JVM's peak resident set size.
 */
public final class ToolMain {

	/** The measured work: what it returns is printed as {@code result}. */
	@FunctionalInterface
	interface Run {

		int run(Tool tool, Path workload, Target target) throws Exception;

	}

	private ToolMain() {
	}

	public static void main(String[] arguments) throws Exception {
		measure(arguments, (tool, workload, target) -> tool.run(Operation.valueOf(arguments[1]), target, workload));
	}

	/**
	 * Runs the work of a command line {@code TOOL X workloadDir kind url user password},
	 * prints its {@code RESULT} line and exits: the clock starts here.
	 */
	static void measure(String[] arguments, Run run) throws Exception {
		long start = System.nanoTime();
		Tool tool = Tool.valueOf(arguments[0]);
		Path workload = Path.of(arguments[2]);
		Target target = Target.fromArguments(arguments, 3);
		int result = run.run(tool, workload, target);
		long nanos = System.nanoTime() - start;
		System.out.println("RESULT millis=" + (nanos / 1_000_000.0) + " rssKb=" + PeakMemory.peakRssKb() + " result="
				+ result + " cpuMs=" + cpuMillis());
		System.out.println("THREADS " + threadCpu());
		System.exit(0);
	}

	/** This JVM's CPU time, all threads (JIT and GC included). */
	private static long cpuMillis() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1_000_000;
	}

	/**
	 * This JVM's CPU time in ms by kind of thread (compilers, GC, the workers...), from
	 * /proc/self/task: where a tool's CPU goes besides its own code.
	 */
	private static String threadCpu() {
		Map<String, Long> ticks = new TreeMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			for (Path task : (Iterable<Path>) tasks::iterator) {
				String stat = Files.readString(task.resolve("stat"));
				String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
					.replaceAll("[0-9#-]+$", "")
					.strip();
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
			}
		}
		catch (IOException ex) {
			return "unknown";
		}
		StringBuilder line = new StringBuilder();
		long listed = 0;
		for (Map.Entry<String, Long> entry : ticks.entrySet()) {
			line.append(entry.getKey().replace(' ', '_')).append('=').append(entry.getValue() * 10).append(' ');
			listed += entry.getValue() * 10;
		}
		// threads that ended (the workers' pool) are no longer listed
		return line.append("ended_threads=").append(cpuMillis() - listed).toString();
	}

}
