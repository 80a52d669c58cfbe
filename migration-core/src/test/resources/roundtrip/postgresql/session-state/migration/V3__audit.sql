SET search_path TO pg_catalog;
CREATE TABLE public.audit (id bigint PRIMARY KEY, note_id bigint REFERENCES public.notes (id));
