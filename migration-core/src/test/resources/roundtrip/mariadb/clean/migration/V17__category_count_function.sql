DELIMITER $$
CREATE FUNCTION category_count(cat varchar(64)) RETURNS bigint READS SQL DATA
BEGIN
    DECLARE n bigint;
    SELECT count(*) INTO n FROM crates_categories WHERE category = cat;
    RETURN n;
END$$
DELIMITER ;
