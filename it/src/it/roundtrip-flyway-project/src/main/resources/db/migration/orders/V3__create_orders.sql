CREATE TABLE ${prefix}_orders (id BIGINT PRIMARY KEY, user_id BIGINT REFERENCES ${prefix}_users (id));
