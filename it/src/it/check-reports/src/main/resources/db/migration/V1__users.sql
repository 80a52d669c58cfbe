CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, nick text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);
