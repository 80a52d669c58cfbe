CREATE TABLE orders (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id BIGINT UNSIGNED NOT NULL,
    status ENUM('new', 'paid', 'shipped') NOT NULL DEFAULT 'new',
    total DECIMAL(10, 2) NOT NULL,
    KEY orders_user_idx (user_id),
    CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB;
