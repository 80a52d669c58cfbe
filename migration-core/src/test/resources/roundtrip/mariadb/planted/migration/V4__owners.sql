CREATE TABLE owners (id int NOT NULL PRIMARY KEY);
CREATE TABLE crate_owners (owner_id int NOT NULL, CONSTRAINT crate_owners_fk FOREIGN KEY (owner_id) REFERENCES owners (id));
