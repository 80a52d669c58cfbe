-- forgets to drop users_name_idx
SELECT 1;
