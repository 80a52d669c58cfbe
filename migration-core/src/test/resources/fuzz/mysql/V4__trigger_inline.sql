CREATE TRIGGER user_audit AFTER UPDATE ON `user`
FOR EACH ROW
BEGIN
  IF NEW.email <> OLD.email THEN
    INSERT INTO user_audit (user_id, old_email) VALUES (OLD.id, OLD.email);
  END IF;
END;
UPDATE `user` SET `locked` = 0;
