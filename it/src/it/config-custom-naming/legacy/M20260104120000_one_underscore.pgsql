CREATE TABLE more_legacy (id integer PRIMARY KEY);
