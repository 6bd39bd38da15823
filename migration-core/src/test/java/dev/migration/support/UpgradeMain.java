package dev.migration.support;

import java.time.Duration;

import dev.migration.MigrationConfiguration;
import dev.migration.Migrations;

/**
 * Upgrades a database to heads from a separate JVM:
 * {@code UpgradeMain url user password location [schema [lockTimeoutMillis]]}.
 */
public final class UpgradeMain {

	private UpgradeMain() {
	}

	public static void main(String[] arguments) {
		Migrations migrations = Migrations.create(MigrationConfiguration.builder()
			.url(arguments[0])
			.user(arguments[1].isEmpty() ? null : arguments[1])
			.password(arguments[2].isEmpty() ? null : arguments[2])
			.locations(arguments[3])
			.schema((arguments.length > 4) ? arguments[4] : null)
			.lockTimeout((arguments.length > 5) ? Duration.ofMillis(Long.parseLong(arguments[5]))
					: MigrationConfiguration.DEFAULT_LOCK_TIMEOUT)
			.build());
		System.out.println("applied " + migrations.upgrade("heads").steps().size());
	}

}
