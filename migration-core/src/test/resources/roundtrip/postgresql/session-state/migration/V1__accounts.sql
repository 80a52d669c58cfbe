-- as pg_dump writes it: the search path emptied for the rest of the session, every name qualified
SELECT pg_catalog.set_config('search_path', '', false);
CREATE TABLE public.${prefix}accounts (
    id bigint PRIMARY KEY,
    name text NOT NULL
);
