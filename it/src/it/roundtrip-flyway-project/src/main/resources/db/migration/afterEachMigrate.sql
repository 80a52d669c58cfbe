INSERT INTO ${auditTable} VALUES (CURRENT_TIMESTAMP, 'migrated by ${flyway:user}');
