ALTER TABLE api_tokens ADD CONSTRAINT token_length CHECK (char_length(token) >= 16);
