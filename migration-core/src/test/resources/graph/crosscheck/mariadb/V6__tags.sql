-- inline REFERENCES: MariaDB (10.5+) creates the key and names it <table>_ibfk_<n>
CREATE TABLE tags (id BIGINT NOT NULL PRIMARY KEY) ENGINE=InnoDB;
CREATE TABLE item_tags (
  item_id BIGINT NOT NULL REFERENCES order_items (id),
  tag_id BIGINT NOT NULL REFERENCES tags (id),
  PRIMARY KEY (item_id, tag_id)
) ENGINE=InnoDB;
