ALTER TABLE api_tokens ADD CONSTRAINT token_length CHECK (CHAR_LENGTH(token) >= 16);
