-- {{description}}
-- Flyway migration version {{flywayVersion}}, created {{created}} by mvn migration:new.
-- Installs the PostgreSQL extension {{extension}} in the current database. Its down script is {{downFile}}.

CREATE EXTENSION IF NOT EXISTS {{extension}};
