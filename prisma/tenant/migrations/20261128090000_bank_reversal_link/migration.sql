-- A reversal movement points at the credit it reversed (decision 007, bank statements): a credit is
-- reversed at most once, and the link shows the clerk why a claim lost its money.
ALTER TABLE "bank_movement" ADD COLUMN "reversed_movement_id" UUID;
ALTER TABLE "bank_movement" ADD CONSTRAINT "bank_movement_reversed_movement_id_fkey" FOREIGN KEY ("reversed_movement_id") REFERENCES "bank_movement"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE UNIQUE INDEX "bank_movement_reversed_movement_id_key" ON "bank_movement"("reversed_movement_id");
