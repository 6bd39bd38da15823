package dev.migration.operations;

import java.sql.Connection;

/**
 * What a Java revision works with: the connection of its step, inside the step's transaction when the revision is
 * transactional. Do not commit, roll back or close it.
 */
public interface Operations {

	/** Runs one SQL statement. */
	void execute(String sql);

	/** The step's connection, for work that needs JDBC directly. */
	Connection connection();

	/** The database's kind: {@code postgresql} or {@code sqlite}. */
	String dialect();

}
