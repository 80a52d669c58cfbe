-- planted: forgets to recreate crates_name_idx
SELECT 1;
