CREATE VIEW order_totals AS
SELECT u.id AS user_id, COUNT(o.id) AS orders, COALESCE(SUM(o.total), 0) AS total
FROM users u LEFT JOIN orders o ON o.user_id = u.id
GROUP BY u.id;
