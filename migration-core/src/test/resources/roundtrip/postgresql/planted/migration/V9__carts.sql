CREATE TABLE carts (id integer, user_id integer);
CREATE INDEX CONCURRENTLY carts_user_idx ON carts (user_id);
