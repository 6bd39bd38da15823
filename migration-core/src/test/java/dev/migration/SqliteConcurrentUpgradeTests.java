package dev.migration;

import dev.migration.support.DatabaseKind;

class SqliteConcurrentUpgradeTests extends ConcurrentUpgradeTests implements DatabaseKind.Sqlite {

}
