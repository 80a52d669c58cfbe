CREATE TABLE crates (id serial PRIMARY KEY, name text NOT NULL);
CREATE INDEX crates_name_idx ON crates (name);
CREATE TABLE api_tokens (id serial PRIMARY KEY, token varchar(64) NOT NULL);
CREATE FUNCTION normalise(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(t) $$;
CREATE TABLE orders (id serial PRIMARY KEY, status text NOT NULL);
