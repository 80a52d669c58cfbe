ALTER TABLE api_tokens DROP CONSTRAINT tokens_revoked_bool;
