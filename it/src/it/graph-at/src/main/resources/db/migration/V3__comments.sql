CREATE TABLE comments (id bigint PRIMARY KEY, post_id bigint REFERENCES posts (id));
DROP TABLE audit_log;
