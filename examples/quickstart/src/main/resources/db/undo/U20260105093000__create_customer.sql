-- Down script of V20260105093000__create_customer.sql
DROP TABLE customer;
