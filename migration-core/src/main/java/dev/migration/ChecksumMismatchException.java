package dev.migration;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An applied revision's source has changed since it ran.
 */
public final class ChecksumMismatchException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final List<ChecksumMismatch> mismatches;

	public ChecksumMismatchException(List<ChecksumMismatch> mismatches) {
		super("Applied revision" + (mismatches.size() == 1 ? " was" : "s were") + " modified after it ran: "
				+ mismatches.stream().map(ChecksumMismatch::toString).collect(Collectors.joining("; "))
				+ ". Nothing was run. Restore the original file (write a new revision for new changes), or disable "
				+ "checksum validation if the edit was cosmetic.");
		this.mismatches = List.copyOf(mismatches);
	}

	public List<ChecksumMismatch> mismatches() {
		return this.mismatches;
	}

}
