package dev.migration;

import dev.migration.support.DatabaseKind;

class SqliteIndexedRevisionsTests extends IndexedRevisionsTests implements DatabaseKind.Sqlite {

}
