DELIMITER //
CREATE PROCEDURE yank_all(IN c int)
BEGIN
    UPDATE versions SET yanked = 1 WHERE crate_id = c;
END //
DELIMITER ;
