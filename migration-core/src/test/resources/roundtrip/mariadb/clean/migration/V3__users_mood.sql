ALTER TABLE users ADD COLUMN mood ENUM('sad', 'ok', 'happy') DEFAULT 'ok';
