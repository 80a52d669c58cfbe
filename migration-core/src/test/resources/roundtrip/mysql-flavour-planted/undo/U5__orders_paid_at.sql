ALTER TABLE orders DROP COLUMN paid_at;
