DROP INDEX ${flyway:defaultSchema}.${prefix}_customer_name_idx;
