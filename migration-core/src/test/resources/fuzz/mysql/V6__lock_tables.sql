LOCK TABLES `user` WRITE;
ALTER TABLE `user` MODIFY `email` varchar(320) NOT NULL;
UNLOCK TABLES;
RENAME TABLE `address` TO `user_address`;
