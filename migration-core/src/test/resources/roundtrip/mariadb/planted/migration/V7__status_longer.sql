ALTER TABLE orders MODIFY status varchar(40) NOT NULL;
