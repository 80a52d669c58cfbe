DELETE FROM orders WHERE status = 'test';
