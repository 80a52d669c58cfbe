DROP TABLE ${flyway:defaultSchema}.${prefix}_users;
