-- revision: authelia_0026
-- down_revision: authelia_0025
-- message: StorageAADRowScoped
-- Converted by convert.py from authelia/authelia at 23572030b404, internal/storage/migrations/postgres/V0026.StorageAADRowScoped.up.sql

-- upgrade
-- (empty in the original: nothing to do)

-- downgrade
