-- The filing of a conversation logged like payments and announcements: its request (from_state NULL)
-- and every accepted change of its state (transitionThreadFiling in
-- app/modules/messages/thread-filing-states.ts) leave a row here, in the same transaction as the
-- change. Filings requested before this migration have no rows: their history was never kept.
CREATE TABLE "thread_filing_transition" (
    "id" BIGSERIAL NOT NULL,
    "filing_id" UUID NOT NULL,
    "from_state" "DeliveryState",
    "to_state" "DeliveryState" NOT NULL,
    "actor" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "thread_filing_transition_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "thread_filing_transition_actor" CHECK ("actor" IN ('office', 'job')),
    CONSTRAINT "thread_filing_transition_filing_id_fkey" FOREIGN KEY ("filing_id") REFERENCES "thread_filing"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "thread_filing_transition_filing_id_idx" ON "thread_filing_transition"("filing_id");
