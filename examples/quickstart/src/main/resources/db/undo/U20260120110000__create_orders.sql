-- Undo: Create orders
DROP INDEX orders_customer_ix;
DROP TABLE orders;
