-- a callback that creates a table after each up
CREATE TABLE IF NOT EXISTS after_each_seen (x int);
