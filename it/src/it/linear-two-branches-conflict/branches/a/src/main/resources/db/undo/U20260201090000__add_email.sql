DROP TABLE add_email;
