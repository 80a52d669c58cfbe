-- the head of a pg_dump file: the search path emptied for the rest of the session, every name qualified
SELECT pg_catalog.set_config('search_path', '', false);
CREATE TABLE public.audit (id bigint PRIMARY KEY, user_id bigint REFERENCES public.users (id));
