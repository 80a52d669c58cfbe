ALTER TABLE account RENAME COLUMN owner_email TO email;
ALTER TABLE orders ALTER COLUMN note SET DATA TYPE varchar(500);
ALTER TABLE orders ALTER COLUMN account_id TYPE bigint USING account_id::bigint;
ALTER SEQUENCE orders_seq RENAME TO order_seq;
DELETE FROM orders;
