CREATE INDEX versions_num_idx ON versions (num DESC);
