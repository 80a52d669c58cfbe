ALTER TABLE customers ADD COLUMN legacy_id INT;
