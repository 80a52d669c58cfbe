CREATE TABLE IF NOT EXISTS audit (id integer);
