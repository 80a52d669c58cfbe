CREATE INDEX ${prefix}_users_name_idx ON ${prefix}_users (name);
