package dev.migration.internal.source;

/**
 * How a database reads SQL text: where its comments, quotes and statements end. The same
 * file means different things to PostgreSQL and SQLite ({@code /* data/*.csv *}{@code /}
 * is an unclosed comment to one and a closed one to the other), so text is split the way
 * the database that runs it reads it.
 */
public enum SqlSyntax {

	/**
	 * As {@code psql} reads it: nested block comments, {@code '...'}, {@code E'...'} with
	 * backslash escapes, {@code "..."}, dollar quotes, no split inside parentheses or
	 * {@code BEGIN ATOMIC ... END} routine bodies.
	 */
	POSTGRESQL,

	/**
	 * As {@code sqlite3_complete} reads it: a block comment ends at the first
	 * {@code *}{@code /}; {@code '...'}, {@code "..."}, {@code `...`} and {@code [...]}
	 * quote; {@code CREATE TRIGGER} bodies end at {@code ; END}; a {@code $name} is a
	 * parameter, never a quote.
	 */
	SQLITE

}
