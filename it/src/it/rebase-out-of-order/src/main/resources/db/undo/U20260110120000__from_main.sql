DROP TABLE from_main;
