DROP TABLE ${prefix}_customer;
