CREATE TABLE mine (id INT);
