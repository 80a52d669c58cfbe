-- planted: adds a default that was not there
ALTER TABLE orders ALTER COLUMN status TYPE text, ALTER COLUMN status SET DEFAULT 'new';
