ALTER TABLE api_tokens MODIFY token varchar(64) NOT NULL;
