-- The blueprint's records: section (which records system the town files submissions into), kept as
-- validated; {} = none configured. Secrets stay { env: NAME } references.
ALTER TABLE "town_settings" ADD COLUMN "records_connector" JSONB NOT NULL DEFAULT '{}';
