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

	private ToolMain() {
	}

	public static void main(String[] arguments) throws Exception {
		long start = System.nanoTime();
		Tool tool = Tool.valueOf(arguments[0]);
		Operation operation = Operation.valueOf(arguments[1]);
		Path workload = Path.of(arguments[2]);
		Target target = Target.fromArguments(arguments, 3);
		int result = tool.run(operation, target, workload);
		long nanos = System.nanoTime() - start;
		System.out.println(
				"RESULT millis=" + (nanos / 1_000_000.0) + " rssKb=" + PeakMemory.peakRssKb() + " result=" + result);
		System.exit(0);
	}

}
