CREATE OR REPLACE VIEW order_summary AS
SELECT o.id, o.status, o.total_cents, c.email
FROM orders o
JOIN customers c ON c.id = o.customer_id;
