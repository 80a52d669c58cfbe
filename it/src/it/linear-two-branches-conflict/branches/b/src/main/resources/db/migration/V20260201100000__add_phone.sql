CREATE TABLE add_phone (id INT);
