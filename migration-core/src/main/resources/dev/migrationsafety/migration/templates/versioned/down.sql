-- Down script of {{upFile}}: {{description}}
-- Created {{created}} by mvn migration:new.
-- Write below the statements that undo the migration, in reverse order (DROP TABLE for CREATE TABLE, DROP COLUMN
-- for ADD COLUMN, ...): the migration, this script, then the migration again must run and leave the same schema.
-- If the change truly cannot be undone, delete both files and run mvn migration:new again with
-- -Dmigration.noDown=true -Dmigration.irreversibleReason="why".

