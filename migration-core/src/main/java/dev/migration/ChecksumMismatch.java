package dev.migration;

/**
 * One applied revision whose source no longer has the checksum recorded when it was
 * applied.
 *
 * @param revision the revision id
 * @param location where its source is now
 * @param applied the checksum recorded in the history table
 * @param current the checksum of the source as loaded now
 */
public record ChecksumMismatch(String revision, String location, String applied, String current) {

	@Override
	public String toString() {
		return this.revision + " (" + this.location + ") applied with checksum " + this.applied + ", now "
				+ this.current;
	}

}
