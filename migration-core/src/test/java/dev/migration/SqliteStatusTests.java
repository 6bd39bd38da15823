package dev.migration;

import dev.migration.support.DatabaseKind;

class SqliteStatusTests extends MigrationStatusTests implements DatabaseKind.Sqlite {

}
