DROP INDEX ${prefix}_users_name_idx;
