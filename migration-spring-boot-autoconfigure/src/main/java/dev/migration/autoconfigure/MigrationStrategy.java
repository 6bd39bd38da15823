package dev.migration.autoconfigure;

import dev.migration.Migrations;

/**
 * Replaces the default "upgrade to {@code migrations.target}" that runs on startup, e.g.
 * to validate first or to stamp a database created by another tool. Called only when
 * {@code migrations.run-on-startup} is on.
 */
@FunctionalInterface
public interface MigrationStrategy {

	/**
	 * Do the startup work.
	 * @param migrations the migrations, with revisions loaded and validated
	 */
	void migrate(Migrations migrations);

}
