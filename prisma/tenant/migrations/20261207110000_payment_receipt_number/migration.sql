-- Issue 19: a receipt (potvrzení o platbě) carries a human number (VES-PP-2026-000001), not the
-- payment's UUID. Given the first time the receipt is made, counted per year of payment; the unique
-- index makes two receipts made at once take different numbers.
ALTER TABLE "payment" ADD COLUMN "receipt_number" TEXT;
CREATE UNIQUE INDEX "payment_receipt_number_key" ON "payment"("receipt_number");
