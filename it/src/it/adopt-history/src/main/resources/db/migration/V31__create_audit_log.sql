CREATE TABLE audit_log (
    id BIGINT PRIMARY KEY,
    happened_at TIMESTAMP NOT NULL,
    actor VARCHAR(100),
    action VARCHAR(200) NOT NULL
);
