INSERT INTO audit_log VALUES (CURRENT_TIMESTAMP, 'migrated by ${flyway:user}');
