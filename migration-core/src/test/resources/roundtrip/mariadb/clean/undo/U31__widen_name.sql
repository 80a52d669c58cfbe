ALTER TABLE crates MODIFY name varchar(100) NOT NULL;
