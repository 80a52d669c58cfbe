CREATE INDEX versions_num_prefix ON versions (num(8));
