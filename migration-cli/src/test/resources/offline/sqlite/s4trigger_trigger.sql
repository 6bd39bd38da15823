-- revision: s4trigger
-- down_revision: s2data
-- message: A trigger whose body holds semicolons
-- branch_labels: triggers

-- upgrade
CREATE TABLE audit (account_id INTEGER, note TEXT);
CREATE TRIGGER accounts_audit AFTER INSERT ON accounts BEGIN
    INSERT INTO audit VALUES (NEW.id, CASE WHEN NEW.note IS NULL THEN 'none;' ELSE NEW.note END);
    UPDATE accounts SET note = coalesce(note, 'set; by trigger') WHERE id = NEW.id; -- inside the body
END -- the trigger ends here, no semicolon
-- comment line

-- downgrade
DROP TRIGGER accounts_audit;
DROP TABLE audit -- last
