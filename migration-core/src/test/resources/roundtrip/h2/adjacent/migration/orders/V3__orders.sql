CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT REFERENCES customer (id));
