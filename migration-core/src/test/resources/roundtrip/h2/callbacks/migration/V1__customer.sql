-- the table is named with the placeholder ${prefix}
CREATE TABLE ${prefix}_customer (id BIGINT PRIMARY KEY, name VARCHAR(200) NOT NULL);
