ALTER TABLE users ADD COLUMN name VARCHAR(100) NULL AFTER email;
CREATE INDEX users_name_idx ON users (name);
