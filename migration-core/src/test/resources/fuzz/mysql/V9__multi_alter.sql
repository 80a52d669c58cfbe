ALTER TABLE `user`
  ADD COLUMN `nick` varchar(64) NULL AFTER `email`,
  DROP COLUMN `locked`,
  ADD INDEX `idx_user_nick` (`nick`);
