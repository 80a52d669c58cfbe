-- planted: re-adds the column with the wrong type
ALTER TABLE api_tokens ADD COLUMN token text NOT NULL;
