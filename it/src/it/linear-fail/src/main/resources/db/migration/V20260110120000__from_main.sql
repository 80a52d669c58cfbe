CREATE TABLE from_main (id INT);
