package dev.migration.internal.revision;

/**
 * A downgrade derived from the upgrade rather than written. Whether it exists is worked
 * out only when first asked (a downgrade plan through the revision, or a listing),
 * because working it out runs the upgrade against a recorder.
 */
public interface InferredDowngrade {

	/** Whether every operation of the upgrade has an inverse. */
	boolean available();

}
