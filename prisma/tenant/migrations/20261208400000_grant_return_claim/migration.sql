-- Issue 14: unspent grant money to be returned is a claim like any other (its own VS, QR Platba, matched
-- by the bank statement import), but its debtor is the grant's recipient: often a legal person (by
-- IČO) who is no resident. A claim now has either a resident or a named debtor of a grant settlement.
ALTER TABLE "claim" ALTER COLUMN "resident_id" DROP NOT NULL;
ALTER TABLE "claim" ADD COLUMN "debtor_name" TEXT;
ALTER TABLE "claim" ADD COLUMN "debtor_ico" TEXT;
ALTER TABLE "claim" ADD COLUMN "grant_settlement_id" UUID;
ALTER TABLE "claim" ADD CONSTRAINT "claim_debtor" CHECK ("resident_id" IS NOT NULL OR ("grant_settlement_id" IS NOT NULL AND length(btrim(coalesce("debtor_name", ''))) > 0));
ALTER TABLE "claim" ADD CONSTRAINT "claim_debtor_ico" CHECK ("debtor_ico" IS NULL OR "debtor_ico" ~ '^[0-9]{8}$');
CREATE UNIQUE INDEX "claim_grant_settlement_id_key" ON "claim"("grant_settlement_id");
ALTER TABLE "claim" ADD CONSTRAINT "claim_grant_settlement_id_fkey" FOREIGN KEY ("grant_settlement_id") REFERENCES "grant_settlement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The grant records the return as settled when its claim is paid, whichever path paid it (the bulk
-- statement crediting is set-based SQL, a clerk's match goes through Prisma): a trigger sees them all.
ALTER TABLE "grant_settlement" ADD COLUMN "return_settled_at" TIMESTAMPTZ(3);
CREATE FUNCTION "grant_return_claim_settled"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('UPDATE %1$I."grant_settlement" SET "return_settled_at" = CASE WHEN $2 = ''paid'' THEN coalesce("return_settled_at", now()) ELSE NULL END WHERE "id" = $1', TG_TABLE_SCHEMA)
        USING NEW."grant_settlement_id", NEW."status"::text;
    RETURN NEW;
END $$;
CREATE TRIGGER "grant_return_claim_settled" AFTER UPDATE OF "status" ON "claim"
    FOR EACH ROW WHEN (NEW."grant_settlement_id" IS NOT NULL AND OLD."status" IS DISTINCT FROM NEW."status")
    EXECUTE FUNCTION "grant_return_claim_settled"();
