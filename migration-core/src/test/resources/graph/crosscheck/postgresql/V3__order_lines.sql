CREATE TABLE "OrderLines" (
    order_id bigint NOT NULL REFERENCES orders (id),
    line_no integer NOT NULL,
    product text NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE categories (
    id bigint PRIMARY KEY,
    parent_id bigint REFERENCES categories (id)
);
