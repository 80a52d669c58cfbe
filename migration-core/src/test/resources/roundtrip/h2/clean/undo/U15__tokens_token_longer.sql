ALTER TABLE api_tokens ALTER COLUMN token SET DATA TYPE varchar(64);
