INSERT INTO setting (name, value) VALUES ('greeting', 'it\'s; here'), ("motd", "a \"quoted\"; value");
-- a dash comment; with a semicolon
/* block; comment */
DELETE FROM setting;
