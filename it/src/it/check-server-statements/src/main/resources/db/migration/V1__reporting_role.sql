-- the read-only role of the reporting service, created here on purpose
CREATE ROLE reporting NOLOGIN;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO reporting;
