CREATE TABLE settings (
    `key` VARCHAR(64) NOT NULL PRIMARY KEY,
    `value` TEXT,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP
);
INSERT INTO settings (`key`, `value`) VALUES ('theme', 'dark');
