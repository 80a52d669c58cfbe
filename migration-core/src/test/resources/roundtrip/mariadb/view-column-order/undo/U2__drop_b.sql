-- b comes back at the end of the table, and the view over * lists it last
DROP VIEW v;
ALTER TABLE t ADD COLUMN b integer;
CREATE VIEW v AS SELECT * FROM t;
