-- planted: MariaDB lets a column used by a view be dropped, so the failing down here is the FK dependency
DROP TABLE owners;
DROP TABLE crate_owners;
