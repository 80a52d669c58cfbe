-- Down script of V20260112101500__add_customer_email.sql
DROP INDEX customer_email_uk;
ALTER TABLE customer DROP COLUMN email;
