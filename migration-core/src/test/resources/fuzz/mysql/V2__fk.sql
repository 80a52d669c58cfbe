CREATE TABLE `address` (
  `id` bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
  `user_id` bigint NOT NULL,
  `street` varchar(200)
);
ALTER TABLE `address` ADD (CONSTRAINT `fk_address_user` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`));
ALTER TABLE `address` DROP FOREIGN KEY `fk_address_legacy`;
ALTER TABLE `user` DROP COLUMN `action`;
