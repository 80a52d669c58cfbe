DELIMITER //
CREATE PROCEDURE cleanup_sessions(IN days INT)
BEGIN
  DECLARE cutoff DATETIME;
  SET cutoff = NOW() - INTERVAL days DAY;
  DELETE FROM session WHERE created_at < cutoff;
END //
DELIMITER ;
TRUNCATE TABLE session_archive;
