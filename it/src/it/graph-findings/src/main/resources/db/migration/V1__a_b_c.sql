CREATE TABLE a (id bigint PRIMARY KEY, c_id bigint);
CREATE TABLE b (id bigint PRIMARY KEY, a_id bigint REFERENCES a (id));
CREATE TABLE c (id bigint PRIMARY KEY, b_id bigint REFERENCES b (id));
