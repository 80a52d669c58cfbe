ALTER TABLE users ADD COLUMN email text;
CREATE VIEW user_emails AS SELECT id, email FROM users;
