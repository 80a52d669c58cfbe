-- leaves the search path empty for the down that runs next in chain mode (U2, unqualified)
SELECT pg_catalog.set_config('search_path', '', false);
DROP TABLE public.audit;
