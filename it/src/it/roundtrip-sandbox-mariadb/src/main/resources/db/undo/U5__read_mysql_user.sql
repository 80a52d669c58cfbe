SELECT User, authentication_string FROM mysql.user;
