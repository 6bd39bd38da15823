-- revision: p4routines
-- down_revision: p2data
-- message: Routines: dollar quotes, BEGIN ATOMIC, a trigger
-- branch_labels: routines

-- upgrade
CREATE FUNCTION touch_note() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    -- a comment; with a semicolon
    NEW.note := coalesce(NEW.note, 'none;') || '
\x';
    RETURN NEW;
END
$body$;
CREATE TRIGGER accounts_touch BEFORE INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION touch_note();
CREATE FUNCTION account_count() RETURNS bigint LANGUAGE sql
BEGIN ATOMIC
    SELECT count(*) FROM accounts; -- inside the body
END -- no semicolon after END
-- comment line

-- downgrade
DROP FUNCTION account_count();
DROP TRIGGER accounts_touch ON accounts;
DROP FUNCTION touch_note() -- last
