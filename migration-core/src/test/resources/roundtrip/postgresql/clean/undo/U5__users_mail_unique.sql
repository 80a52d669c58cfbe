ALTER TABLE users DROP CONSTRAINT users_mail_key;
