CREATE TABLE t (a integer, b varchar(10), c integer);
