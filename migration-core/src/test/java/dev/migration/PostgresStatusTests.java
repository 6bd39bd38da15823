package dev.migration;

import dev.migration.support.DatabaseKind;

class PostgresStatusTests extends MigrationStatusTests implements DatabaseKind.Postgres {

}
