-- planted: a missing semicolon
ALTER TABLE orders DROP COLUMN shipped
ALTER TABLE orders DROP COLUMN note;
