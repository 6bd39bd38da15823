-- revision: auth_20220614074223
-- down_revision: auth_20220531120530
-- message: add_ip_address_to_audit_log
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20220614074223_add_ip_address_to_audit_log.postgres.up.sql

-- upgrade
-- Add IP Address to audit log
ALTER TABLE auth.audit_log_entries
ADD COLUMN IF NOT EXISTS ip_address VARCHAR(64) NOT NULL DEFAULT '';
