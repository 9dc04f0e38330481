-- The refund queue (decision 012): a payment whose money exceeded what its claims needed
-- (overpaid_amount > refunded_amount) waits at /urad/platby under "k vrácení". The citizen is told once:
-- the notice is claimed by setting this column before the e-mail is queued.
ALTER TABLE "payment" ADD COLUMN "overpayment_notified_at" TIMESTAMPTZ(3);
