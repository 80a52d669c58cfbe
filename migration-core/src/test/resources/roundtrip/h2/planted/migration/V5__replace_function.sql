DROP ALIAS normalise;
CREATE ALIAS normalise AS 'String normalise(String t) { return t.trim().toLowerCase(); }';
