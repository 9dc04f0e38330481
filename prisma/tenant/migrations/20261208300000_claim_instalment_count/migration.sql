-- Issue 19: a claim knows how many instalments its fee has that year, so the citizen and the clerk
-- read "1. splátka ze 2" on the first one too (before, only "2. splátka" said there were several).
-- Claims generated from fee rules are inserted together, instalment by instalment, with the same
-- generation key but its last part (obligation:year:instalment), so the count of an existing claim is
-- the highest instalment among its siblings. Imported claims are single (1 of 1).
ALTER TABLE "claim" ADD COLUMN "instalment_count" INTEGER NOT NULL DEFAULT 1;
UPDATE "claim" AS c
   SET "instalment_count" = siblings.n
  FROM (SELECT regexp_replace("generation_key", ':[0-9]+$', '') AS "group_key", max("instalment") AS n
          FROM "claim" GROUP BY 1) AS siblings
 WHERE regexp_replace(c."generation_key", ':[0-9]+$', '') = siblings."group_key" AND siblings.n > 1;
UPDATE "claim" SET "instalment_count" = "instalment" WHERE "instalment" > "instalment_count";
ALTER TABLE "claim" ADD CONSTRAINT "claim_instalment_within_count" CHECK ("instalment" <= "instalment_count");
