package dev.migration.internal.revision;

/**
 * One statement of a SQL revision file, without its terminating semicolon.
 *
 * @param sql the statement text, trimmed
 * @param line the 1-based line in the file where the statement starts
 */
public record SqlStatement(String sql, int line) {

}
