DELIMITER //
CREATE TRIGGER crates_touch BEFORE UPDATE ON crates FOR EACH ROW
BEGIN
    SET NEW.updated_at = NOW(); -- a ; inside the body
END//
DELIMITER ;
