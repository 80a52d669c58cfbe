SELECT pg_catalog.set_config('search_path', '', false);
DROP TABLE public.audit;
