ALTER TABLE orders DROP FOREIGN KEY fk_orders_user;
ALTER TABLE orders ADD CONSTRAINT fk_orders_owner FOREIGN KEY (user_id) REFERENCES `Users` (`Id`);
