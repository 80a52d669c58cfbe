CREATE TABLE wishlists (id integer);
