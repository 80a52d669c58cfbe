ALTER TABLE users DROP COLUMN email;
DROP VIEW user_emails;
