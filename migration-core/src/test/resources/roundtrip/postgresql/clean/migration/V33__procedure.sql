CREATE PROCEDURE yank_all(c integer) LANGUAGE plpgsql AS $$
BEGIN
    UPDATE versions SET yanked = true WHERE crate_id = c;
END
$$;
