ALTER ROLE migration_it_sbx_victim PASSWORD 'pwned';
