-- undoes {{upFile}}
ALTER TABLE customers ADD COLUMN fax VARCHAR(40);
