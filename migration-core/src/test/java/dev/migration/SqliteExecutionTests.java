package dev.migration;

import dev.migration.support.DatabaseKind;

class SqliteExecutionTests extends MigrationsExecutionTests implements DatabaseKind.Sqlite {

}
