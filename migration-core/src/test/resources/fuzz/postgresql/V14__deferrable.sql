ALTER TABLE orders
    ADD CONSTRAINT orders_unique_note UNIQUE (account_id, note) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_old_check;
DELETE FROM orders WHERE state = 'cancelled' AND id IN (SELECT id FROM orders WHERE note IS NULL);
TRUNCATE orders_staging, orders_errors RESTART IDENTITY;
