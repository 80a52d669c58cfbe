ALTER TABLE items RENAME TO order_items;
