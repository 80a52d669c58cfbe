CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    email text NOT NULL UNIQUE
);

CREATE TABLE addresses (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    line1 text NOT NULL
);
