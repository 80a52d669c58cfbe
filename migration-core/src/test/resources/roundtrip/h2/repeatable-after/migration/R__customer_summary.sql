CREATE OR REPLACE VIEW customer_summary AS SELECT id, name, email FROM customer;
