ALTER TABLE api_tokens ALTER COLUMN token TYPE varchar(64);
