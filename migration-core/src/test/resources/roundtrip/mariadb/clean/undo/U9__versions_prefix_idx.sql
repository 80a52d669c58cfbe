DROP INDEX versions_num_prefix ON versions;
