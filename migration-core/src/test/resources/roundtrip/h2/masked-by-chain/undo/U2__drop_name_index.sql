-- forgets to recreate crates_name_idx; the chain hides it because U1 drops the whole table
SELECT 1;
