ALTER TABLE returns ADD CONSTRAINT returns_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
