CREATE TABLE wishlist (
    customer_id BIGINT NOT NULL,
    product_id BIGINT NOT NULL
);
