DROP INDEX ${prefix}_customer_name_idx ON ${flyway:defaultSchema}.${prefix}_customer;
