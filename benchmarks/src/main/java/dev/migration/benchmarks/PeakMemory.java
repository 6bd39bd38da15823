package dev.migration.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peak resident set size of this JVM ({@code VmHWM} in {@code /proc/self/status}), or
 * -1 off Linux.
 */
public final class PeakMemory {

	private PeakMemory() {
	}

	public static long peakRssKb() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").strip());
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not on Linux: no figure
		}
		return -1;
	}

}
