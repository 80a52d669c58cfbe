CREATE OR REPLACE FUNCTION normalise(t varchar(100)) RETURNS varchar(100) DETERMINISTIC RETURN lower(trim(t));
