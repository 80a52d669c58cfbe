DROP INDEX versions_num_idx;
