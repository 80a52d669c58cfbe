-- {{description}}
-- Flyway migration version {{flywayVersion}}, created {{created}} by mvn migration:new.
-- Write the change below as SQL statements ending in ';'. Once this migration has run anywhere, do not edit it:
-- add a new migration instead. Its down script is {{downFile}}.

