ALTER TABLE api_tokens ADD CONSTRAINT token_length CHECK (length(token) >= 16) NOT VALID;
