-- revision: authelia_0025
-- down_revision: authelia_0024
-- message: StorageAAD
-- Converted by convert.py from authelia/authelia at 23572030b404, internal/storage/migrations/postgres/V0025.StorageAAD.up.sql

-- upgrade
-- (empty in the original: nothing to do)

-- downgrade
