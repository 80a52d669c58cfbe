CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL,
    shipping_address_id bigint,
    CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
);

ALTER TABLE orders ADD CONSTRAINT orders_address_fk FOREIGN KEY (shipping_address_id) REFERENCES addresses (id);
