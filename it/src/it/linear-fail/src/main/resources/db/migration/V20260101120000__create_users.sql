CREATE TABLE create_users (id INT);
