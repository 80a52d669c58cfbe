CREATE TABLE categories (
  id BIGINT NOT NULL PRIMARY KEY,
  parent_id BIGINT,
  CONSTRAINT fk_category_parent FOREIGN KEY (parent_id) REFERENCES categories (id)
) ENGINE=InnoDB;
