ALTER USER 'migration_it_sbx_victim'@'%' IDENTIFIED BY 'pwned';
