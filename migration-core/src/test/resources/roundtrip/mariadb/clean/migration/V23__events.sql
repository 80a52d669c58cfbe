# a MySQL hash comment
CREATE TABLE audit_events (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP, action varchar(32) NOT NULL) ENGINE=InnoDB;
