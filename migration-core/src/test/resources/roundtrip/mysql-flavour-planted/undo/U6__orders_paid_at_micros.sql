-- restores the column without its fractional seconds
ALTER TABLE orders MODIFY COLUMN paid_at DATETIME NULL;
