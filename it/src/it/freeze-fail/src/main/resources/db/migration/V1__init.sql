CREATE TABLE legacy (id INT);
