CREATE TABLE add_email (id INT);
