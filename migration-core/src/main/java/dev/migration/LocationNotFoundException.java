package dev.migration;

/**
 * A configured revisions location does not exist.
 */
public final class LocationNotFoundException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final String location;

	public LocationNotFoundException(String location, String detail) {
		super("Revisions location '" + location + "' does not exist" + (detail.isEmpty() ? "" : " (" + detail + ")")
				+ ". Nothing was run. Create it (the CLI's 'init' does), or point the location setting at your "
				+ "revisions.");
		this.location = location;
	}

	public String location() {
		return this.location;
	}

}
