ALTER TABLE api_tokens MODIFY token text NOT NULL;
