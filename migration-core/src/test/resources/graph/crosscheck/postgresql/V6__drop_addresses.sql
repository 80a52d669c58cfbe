ALTER TABLE orders DROP CONSTRAINT orders_address_fk;
DROP TABLE addresses;
