CREATE TABLE crates (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(100) NOT NULL);
CREATE INDEX crates_name_idx ON crates (name);
CREATE TABLE api_tokens (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, token varchar(64) NOT NULL);
CREATE FUNCTION normalise(t varchar(100)) RETURNS varchar(100) DETERMINISTIC RETURN lower(t);
CREATE TABLE orders (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, status varchar(20) NOT NULL);
