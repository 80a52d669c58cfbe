-- forgets the index: the failure goes through every report, and -X prints the failure's stack
SELECT 1;
