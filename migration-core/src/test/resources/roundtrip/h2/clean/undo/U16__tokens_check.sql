ALTER TABLE api_tokens DROP CONSTRAINT token_length;
