UPDATE `user` u JOIN `address` a ON a.user_id = u.id SET u.nick = a.street WHERE a.id > 0;
UPDATE `address` SET `street` = TRIM(`street`);
