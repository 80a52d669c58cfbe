CREATE TABLE returns (
    id BIGINT PRIMARY KEY,
    order_id BIGINT NOT NULL,
    reason VARCHAR(400)
);
