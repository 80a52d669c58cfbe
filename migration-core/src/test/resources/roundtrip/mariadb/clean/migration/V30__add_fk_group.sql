ALTER TABLE api_tokens ADD CONSTRAINT tokens_revoked_bool CHECK (revoked IN (0, 1));
