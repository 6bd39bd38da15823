-- revision: auth_20211202183645
-- down_revision: auth_20211124214934
-- message: update_auth_uid
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20211202183645_update_auth_uid.up.sql

-- upgrade
-- update auth.uid()

create or replace function auth.uid()
returns uuid
language sql stable
as $$
  select
  nullif(
    coalesce(
      current_setting('request.jwt.claim.sub', true),
      (current_setting('request.jwt.claims', true)::jsonb ->> 'sub')
    ),
    ''
  )::uuid
$$;
