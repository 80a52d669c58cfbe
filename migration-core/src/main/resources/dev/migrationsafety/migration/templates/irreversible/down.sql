-- Down script of {{upFile}}: {{description}}
-- Created {{created}} by mvn migration:new.
{{irreversibleMarker}}
-- This migration cannot be reversed; the line above says why. Checks that need a down script (the round trip,
-- the naming rule) read that line and skip this migration instead of failing.
