DROP TABLE orders;
DROP ALIAS normalise;
DROP TABLE api_tokens;
DROP TABLE crates;
