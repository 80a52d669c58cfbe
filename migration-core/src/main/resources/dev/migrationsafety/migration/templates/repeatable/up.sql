-- {{description}}
-- Flyway repeatable migration, created {{created}} by mvn migration:new.
-- Flyway runs it after the versioned migrations and again whenever its content changes, so write statements that
-- can run many times (CREATE OR REPLACE VIEW, CREATE OR REPLACE FUNCTION, ...). It has no down script.

