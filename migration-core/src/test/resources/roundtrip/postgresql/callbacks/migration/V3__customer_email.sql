ALTER TABLE ${prefix}_customer ADD COLUMN email text;
