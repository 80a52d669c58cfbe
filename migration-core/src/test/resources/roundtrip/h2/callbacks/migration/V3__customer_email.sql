ALTER TABLE ${prefix}_customer ADD COLUMN email VARCHAR(320);
