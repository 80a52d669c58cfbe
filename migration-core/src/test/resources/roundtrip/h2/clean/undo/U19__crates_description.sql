ALTER TABLE crates DROP COLUMN description;
