ALTER TABLE ${prefix}_customer DROP COLUMN email;
