package dev.migration.internal.revision;

/**
 * The upgrade or downgrade of a revision: SQL statements from a file, or a Java callback.
 */
public sealed interface RevisionBody permits SqlBody, JavaBody {

}
