CREATE TABLE t3 (id int);
