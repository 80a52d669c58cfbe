DROP TABLE orders;
DROP FUNCTION normalise;
DROP TABLE api_tokens;
DROP TABLE crates;
