ALTER TABLE orders ADD COLUMN note varchar(100);
ALTER TABLE orders ADD COLUMN shipped boolean;
