CREATE VIEW popular_crates AS SELECT id, name, downloads FROM crates WHERE downloads > 1000;
