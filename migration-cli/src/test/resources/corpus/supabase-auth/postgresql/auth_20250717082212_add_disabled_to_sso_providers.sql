-- revision: auth_20250717082212
-- down_revision: auth_20241009103726
-- message: add_disabled_to_sso_providers
-- Converted by convert.py from supabase/auth at bc32168e13fd, migrations/20250717082212_add_disabled_to_sso_providers.up.sql

-- upgrade
do $$ begin

    alter table only auth.sso_providers
        add column if not exists disabled boolean null;

    create index if not exists sso_providers_resource_id_pattern_idx
        on auth.sso_providers
            (resource_id text_pattern_ops);
end $$;
