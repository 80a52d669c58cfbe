ALTER TABLE users DROP INDEX users_mail_key;
