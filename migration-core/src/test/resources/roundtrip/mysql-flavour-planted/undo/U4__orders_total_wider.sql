-- restores the wrong precision
ALTER TABLE orders MODIFY COLUMN total DECIMAL(12, 2) NOT NULL;
