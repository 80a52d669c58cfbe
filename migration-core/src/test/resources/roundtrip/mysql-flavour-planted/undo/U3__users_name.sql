-- dropping the column drops its index too, in MySQL, MariaDB and H2's MySQL mode alike: not a bug
ALTER TABLE users DROP COLUMN name;
