DROP TABLE crates;
