ALTER TABLE users DROP INDEX users_name_prefix, DROP COLUMN email;
