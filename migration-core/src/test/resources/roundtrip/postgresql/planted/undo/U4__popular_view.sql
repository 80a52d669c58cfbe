-- planted: drops the column before the view that depends on it
ALTER TABLE crates DROP COLUMN downloads;
DROP VIEW popular;
