RESET ROLE;
SET ROLE postgres;
DROP DATABASE migration_it_sbx_victim;
