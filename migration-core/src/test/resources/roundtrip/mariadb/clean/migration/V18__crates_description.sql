ALTER TABLE crates ADD COLUMN description text, ADD COLUMN homepage varchar(255);
