DROP INDEX users_name_idx ON users;
ALTER TABLE users DROP COLUMN name;
