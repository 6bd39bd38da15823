-- revision: auth_20230523124323
-- down_revision: auth_20230508135423
-- message: add_mfa_challenge_cleanup_index
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20230523124323_add_mfa_challenge_cleanup_index.up.sql

-- upgrade
-- Index used to clean up mfa challenges

create index if not exists
  mfa_challenge_created_at_idx
  on auth.mfa_challenges (created_at desc);
