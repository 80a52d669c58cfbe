DROP TABLE orders;
DROP FUNCTION normalise(text);
DROP TABLE api_tokens;
DROP TABLE crates;
