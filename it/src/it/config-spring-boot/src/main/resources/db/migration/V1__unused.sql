DROP TABLE never_read;
