-- planted: adds a default that was not there
ALTER TABLE orders MODIFY status varchar(20) NOT NULL DEFAULT 'new';
