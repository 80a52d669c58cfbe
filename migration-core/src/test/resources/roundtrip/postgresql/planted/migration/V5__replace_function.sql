CREATE OR REPLACE FUNCTION normalise(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(trim(t)) $$;
