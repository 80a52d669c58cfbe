CREATE TABLE products (
    id BIGINT PRIMARY KEY,
    sku VARCHAR(40) NOT NULL,
    title VARCHAR(200) NOT NULL,
    price_cents INT NOT NULL
);
