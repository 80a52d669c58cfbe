ALTER TABLE follows DROP FOREIGN KEY follows_user_fk;
