CREATE INDEX orders_user_ix ON orders (user_id);
