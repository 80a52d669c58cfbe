-- a callback that creates a table before each up
CREATE TABLE IF NOT EXISTS before_each_seen (x int);
