INSERT INTO audit_log (what) VALUES ('migrated by ${flyway:user} in ${flyway:database}');
