CREATE TABLE sessions (
    token VARCHAR(64) PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
