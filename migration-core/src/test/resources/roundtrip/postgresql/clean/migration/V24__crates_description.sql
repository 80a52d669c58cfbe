ALTER TABLE crates ADD COLUMN description text DEFAULT '', ADD COLUMN homepage varchar(255);
