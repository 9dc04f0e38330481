-- Full-text search over messages (decision 023): Postgres has no Czech snowball configuration, so
-- search folds diacritics with unaccent and matches word prefixes ("odpad" finds "odpadů").
-- unaccent() is only STABLE (it reads a dictionary), which an index expression refuses; this wrapper
-- names the dictionary explicitly and is declared IMMUTABLE, the documented way to index it.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
CREATE OR REPLACE FUNCTION public.portal_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
