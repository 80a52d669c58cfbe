CREATE OR REPLACE FUNCTION purge_sessions(days integer) RETURNS void AS $body$
BEGIN
    DELETE FROM session WHERE created_at < now() - make_interval(days => days);
    RAISE NOTICE 'purged; %', days;
END;
$body$ LANGUAGE plpgsql;

TRUNCATE TABLE session_archive;
