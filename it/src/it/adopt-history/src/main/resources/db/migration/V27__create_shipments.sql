CREATE TABLE shipments (
    id BIGINT PRIMARY KEY,
    order_id BIGINT NOT NULL,
    carrier VARCHAR(40) NOT NULL,
    tracking VARCHAR(80)
);
