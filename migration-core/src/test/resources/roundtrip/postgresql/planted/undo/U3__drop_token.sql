-- planted: re-adds the column with the wrong type
ALTER TABLE api_tokens ADD COLUMN token text;
ALTER TABLE api_tokens ALTER COLUMN token SET NOT NULL;
