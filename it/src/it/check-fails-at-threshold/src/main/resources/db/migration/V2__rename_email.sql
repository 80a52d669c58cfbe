ALTER TABLE users RENAME COLUMN email TO email_address;
