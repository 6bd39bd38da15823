package dev.migration.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Writes each complete line to the shared stream with a prefix, in one {@code println}:
 * PrintWriter holds its lock for the whole call, so lines of targets that run at once
 * never mix within a line.
 */
final class PrefixedLines extends Writer {

	private final PrintWriter target;

	private final String prefix;

	private final StringBuilder line = new StringBuilder();

	PrefixedLines(PrintWriter target, String prefix) {
		this.target = target;
		this.prefix = prefix;
	}

	@Override
	public void write(char[] characters, int offset, int length) {
		for (int index = offset; index < offset + length; index++) {
			char character = characters[index];
			if (character == '\n') {
				emit();
			}
			else if (character != '\r') {
				this.line.append(character);
			}
		}
	}

	private void emit() {
		this.target.println(this.prefix + this.line);
		this.line.setLength(0);
	}

	@Override
	public void flush() {
		this.target.flush();
	}

	/** A last line without its line break still goes out whole. */
	@Override
	public void close() {
		if (this.line.length() > 0) {
			emit();
		}
		flush();
	}

}
