CREATE TABLE users (id integer PRIMARY KEY, name varchar(64) NOT NULL);
