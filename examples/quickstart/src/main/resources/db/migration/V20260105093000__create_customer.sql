-- Create customer
CREATE TABLE customer (
    id         BIGINT PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
