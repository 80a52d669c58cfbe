-- planted: adds a default that was not there
ALTER TABLE orders ALTER COLUMN status SET DATA TYPE varchar(20);
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new';
