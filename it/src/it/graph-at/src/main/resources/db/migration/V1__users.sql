CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE audit_log (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));
