-- Add customer email
ALTER TABLE customer ADD COLUMN email VARCHAR(320);
CREATE UNIQUE INDEX customer_email_uk ON customer (email);
