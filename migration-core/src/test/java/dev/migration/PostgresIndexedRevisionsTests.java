package dev.migration;

import dev.migration.support.DatabaseKind;

class PostgresIndexedRevisionsTests extends IndexedRevisionsTests implements DatabaseKind.Postgres {

}
