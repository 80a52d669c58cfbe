\set ON_ERROR_STOP on
CREATE TABLE country (code char(2) PRIMARY KEY, name text);
COPY country (code, name) FROM stdin;
DE	Germany
FR	France; République
\.
DROP TABLE country_old;
