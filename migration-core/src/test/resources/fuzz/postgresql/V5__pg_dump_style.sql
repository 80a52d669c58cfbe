--
-- Name: audit_log; Type: TABLE; Schema: public; Owner: app
--

CREATE TABLE public.audit_log (
    id integer NOT NULL,
    action text,
    path text,
    read boolean
);

ALTER TABLE ONLY public.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);

--
-- Name: audit_log_old; Type: TABLE; Schema: public; Owner: app
--

DROP TABLE IF EXISTS public.audit_log_old CASCADE;
