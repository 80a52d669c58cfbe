-- Flyway runs this after every migrate; not a migration
SELECT 1;
