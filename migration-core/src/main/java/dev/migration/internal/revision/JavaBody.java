package dev.migration.internal.revision;

import dev.migration.JavaRevision;

/**
 * The upgrade or downgrade method of a Java revision.
 */
public record JavaBody(JavaRevision revision, boolean upgrade) implements RevisionBody {

}
