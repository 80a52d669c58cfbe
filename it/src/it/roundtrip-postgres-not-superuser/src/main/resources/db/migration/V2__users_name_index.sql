CREATE INDEX CONCURRENTLY users_name_idx ON users (lower(name));
