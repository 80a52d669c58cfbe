CREATE TABLE create_orders (id INT);
