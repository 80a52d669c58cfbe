DROP TABLE ${flyway:database}.seen_by_${flyway:user};
DROP TABLE ${flyway:defaultSchema}.${prefix}_customer;
