ALTER TABLE crates DROP COLUMN description, DROP COLUMN homepage;
