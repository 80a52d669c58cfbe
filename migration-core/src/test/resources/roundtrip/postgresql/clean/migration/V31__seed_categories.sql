INSERT INTO categories (slug, "path", description) VALUES ('db', 'db', 'Databases; SQL and such');
