ALTER TABLE crates MODIFY name varchar(200) NOT NULL;
