ALTER TABLE customer ADD COLUMN email VARCHAR(200);
UPDATE customer SET email = '${owner}' WHERE id = 1;
