ALTER TABLE follows ADD CONSTRAINT follows_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
