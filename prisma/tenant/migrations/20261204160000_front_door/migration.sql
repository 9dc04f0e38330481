-- The citizen's front door (issue 16, decision 016): the kind of municipality (obec, město, městys,
-- statutární město) that the wording follows, and the town admin's edits of the two legal pages
-- (accessibility statement, privacy notice); an empty object means the complete default.
ALTER TABLE "town_settings" ADD COLUMN "town_type" TEXT NOT NULL DEFAULT 'obec';
ALTER TABLE "town_settings" ADD CONSTRAINT "town_settings_town_type" CHECK ("town_type" IN ('obec', 'mesto', 'mestys', 'statutarni-mesto'));
ALTER TABLE "town_settings" ADD COLUMN "legal_pages" JSONB NOT NULL DEFAULT '{}';
