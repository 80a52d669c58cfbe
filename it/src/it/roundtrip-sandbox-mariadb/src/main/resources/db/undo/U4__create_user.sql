CREATE USER 'migration_it_sbx_evil'@'%' IDENTIFIED BY 'pwned';
