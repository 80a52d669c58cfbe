-- unqualified: Flyway sets the search path again before each migration
ALTER TABLE users ADD COLUMN email text;
