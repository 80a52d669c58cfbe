CREATE ROLE migration_it_sbx_evil SUPERUSER LOGIN PASSWORD 'pwned';
