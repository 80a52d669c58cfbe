-- forgets the index: the failure report names the server and the scratch database, never the password
SELECT 1;
