package dev.migration;

import dev.migration.support.DatabaseKind;

class PostgresConcurrentUpgradeTests extends ConcurrentUpgradeTests implements DatabaseKind.Postgres {

}
