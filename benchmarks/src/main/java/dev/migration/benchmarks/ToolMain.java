package dev.migration.benchmarks;

import java.nio.file.Path;

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
		System.out.println(
				"RESULT millis=" + (nanos / 1_000_000.0) + " rssKb=" + PeakMemory.peakRssKb() + " result=" + result);
		System.exit(0);
	}

}
