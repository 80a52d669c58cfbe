DROP TABLE public.app_accounts;
