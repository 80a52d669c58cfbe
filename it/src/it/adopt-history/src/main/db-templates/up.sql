-- {{description}}
ALTER TABLE customers DROP COLUMN fax;
