-- the wishlist feature was removed in release 3
DROP TABLE wishlist;
