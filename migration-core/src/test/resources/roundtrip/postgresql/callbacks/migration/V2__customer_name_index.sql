CREATE INDEX ${prefix}_customer_name_idx ON ${prefix}_customer (name);
