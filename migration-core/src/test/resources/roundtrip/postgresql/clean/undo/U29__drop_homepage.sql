ALTER TABLE crates ADD COLUMN homepage varchar(255);
