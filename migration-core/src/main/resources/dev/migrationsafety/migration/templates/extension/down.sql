-- Down script of {{upFile}}: {{description}}
-- Created {{created}} by mvn migration:new.
-- Removes the extension again; this fails while objects still depend on it.

DROP EXTENSION IF EXISTS {{extension}};
