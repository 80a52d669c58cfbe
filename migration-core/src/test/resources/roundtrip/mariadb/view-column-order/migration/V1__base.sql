CREATE TABLE t (a integer, b integer, c integer);
CREATE VIEW v AS SELECT * FROM t;
