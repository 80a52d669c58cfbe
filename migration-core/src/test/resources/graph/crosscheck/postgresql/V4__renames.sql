ALTER TABLE customers RENAME TO clients;
ALTER TABLE addresses RENAME COLUMN line1 TO street;
ALTER TABLE orders RENAME COLUMN customer_id TO client_id;
