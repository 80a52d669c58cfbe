CREATE TABLE items (
  id BIGINT NOT NULL PRIMARY KEY,
  order_id BIGINT,
  FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE=InnoDB;
