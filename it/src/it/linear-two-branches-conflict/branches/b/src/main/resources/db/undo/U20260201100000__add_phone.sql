DROP TABLE add_phone;
