-- Customer summary view (repeatable: Flyway re-runs it whenever it changes)
CREATE OR REPLACE VIEW customer_summary AS
SELECT id, name, email FROM customer;
