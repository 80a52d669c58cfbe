-- forgets the table the up created
SELECT 1;
