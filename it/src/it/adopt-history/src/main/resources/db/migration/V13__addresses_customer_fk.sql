ALTER TABLE addresses ADD CONSTRAINT addresses_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
