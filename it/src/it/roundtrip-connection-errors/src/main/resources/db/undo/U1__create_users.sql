DROP FUNCTION user_count();
DROP TABLE users;
