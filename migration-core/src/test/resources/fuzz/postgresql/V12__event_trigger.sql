CREATE OR REPLACE FUNCTION log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE NOTICE 'ddl: %', tg_tag;
END;
$$;
CREATE EVENT TRIGGER log_ddl_trigger ON ddl_command_end EXECUTE FUNCTION log_ddl();
DROP SCHEMA reporting CASCADE;
