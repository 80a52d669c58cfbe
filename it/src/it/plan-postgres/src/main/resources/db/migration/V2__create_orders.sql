CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES customer (id));
