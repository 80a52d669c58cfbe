-- the tenant comes from the deployment's Flyway configuration
ALTER TABLE accounts ADD COLUMN tenant text;
COMMENT ON COLUMN accounts.tenant IS 'tenant of ${tenant}';
