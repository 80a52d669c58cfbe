CREATE TABLE ${prefix}_customer (id BIGINT PRIMARY KEY);
