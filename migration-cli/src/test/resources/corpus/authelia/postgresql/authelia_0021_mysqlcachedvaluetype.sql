-- revision: authelia_0021
-- down_revision: authelia_0020
-- message: MySQLCachedValueType
-- Converted by convert.py from authelia/authelia at 23572030b404, internal/storage/migrations/postgres/V0021.MySQLCachedValueType.up.sql

-- upgrade
-- (empty in the original: nothing to do)

-- downgrade
