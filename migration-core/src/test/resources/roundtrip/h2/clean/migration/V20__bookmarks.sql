CREATE TABLE bookmarks (id integer PRIMARY KEY, homepage varchar(255), note varchar(100));
