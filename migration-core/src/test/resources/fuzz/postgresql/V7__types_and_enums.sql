CREATE TYPE order_state AS ENUM ('new', 'paid', 'shipped');
ALTER TYPE order_state ADD VALUE 'cancelled';
ALTER TABLE orders ADD COLUMN state order_state NOT NULL DEFAULT 'new';
DROP TYPE IF EXISTS old_state;
