ALTER TABLE users ADD COLUMN email varchar(128);
