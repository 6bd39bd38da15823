package dev.migration;

import java.time.Duration;

/**
 * Hears each step as it runs: the CLI prints, Spring logs and records metrics. Called on
 * the migrating thread; an exception thrown here fails the step.
 */
public interface MigrationListener {

	default void stepStarted(Step step) {
	}

	default void stepSucceeded(Step step, Duration duration) {
	}

	default void stepFailed(Step step, Duration duration, MigrationException failure) {
	}

}
