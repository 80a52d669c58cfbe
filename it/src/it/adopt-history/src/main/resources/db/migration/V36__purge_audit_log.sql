-- the audit log moved to the logging platform
DELETE FROM audit_log;
