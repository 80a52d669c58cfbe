DO $$
BEGIN
    IF to_regclass('audit_log') IS NOT NULL THEN
        RAISE EXCEPTION 'afterEachMigrate.sql: no audit_log table, please';
    END IF;
END
$$;
