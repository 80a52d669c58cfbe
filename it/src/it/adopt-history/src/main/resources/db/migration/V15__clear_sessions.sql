-- log everybody out after the password hash change
DELETE FROM sessions;
