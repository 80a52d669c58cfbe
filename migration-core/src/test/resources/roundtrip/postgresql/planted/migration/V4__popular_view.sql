ALTER TABLE crates ADD COLUMN downloads integer;
CREATE VIEW popular AS SELECT id, downloads FROM crates WHERE downloads > 100;
