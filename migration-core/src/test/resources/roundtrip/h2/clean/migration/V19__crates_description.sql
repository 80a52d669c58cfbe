ALTER TABLE crates ADD COLUMN description varchar(1000) DEFAULT '';
