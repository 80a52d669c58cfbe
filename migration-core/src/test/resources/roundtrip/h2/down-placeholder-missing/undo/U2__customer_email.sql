-- the up names the table with ${prefix}

ALTER TABLE ${tenant}_customer DROP COLUMN email;
